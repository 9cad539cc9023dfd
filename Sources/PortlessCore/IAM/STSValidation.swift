/// The input rules of STS `AssumeRole` and `GetSessionToken` beyond the role ARN and session name (from
/// STS's service model), raising `ValidationError` in AWS's constraint wording.
public enum STSValidation {
    /// At most 10 managed session policies.
    public static let maxPolicyArns = 10
    /// The packed size AWS allows session policies and tags together, in characters (approximated).
    static let packedLimit = 2048

    /// `ExternalId` (2–1224, `[\w+=,.@:\/-]*`), `SourceIdentity` (2–64, `[\w+=,.@-]*`, not `aws:…`),
    /// the inline `Policy` (1–2048 and a JSON policy), `PolicyArns` (at most 10), `TransitiveTagKeys` (50).
    public static func assumeRole(policy: String?, policyArns: [String], externalId: String?, sourceIdentity: String?,
                                  transitiveTagKeys: [String]) throws {
        if let externalId {
            guard (2...1224).contains(externalId.count) else {
                throw constraint(externalId, "ExternalId", externalId.count < 2 ? .minLength(2) : .maxLength(1224))
            }
            guard externalId.unicodeScalars.allSatisfy({ IAMValidation.isNameScalar($0) || $0 == ":" || $0 == "/" }) else {
                throw constraint(externalId, "ExternalId", .pattern("[\\w+=,.@:\\/-]*"))
            }
        }
        if let sourceIdentity {
            guard (2...64).contains(sourceIdentity.count) else {
                throw constraint(sourceIdentity, "SourceIdentity", sourceIdentity.count < 2 ? .minLength(2) : .maxLength(64))
            }
            guard sourceIdentity.unicodeScalars.allSatisfy(IAMValidation.isNameScalar) else {
                throw constraint(sourceIdentity, "SourceIdentity", .pattern("[\\w+=,.@-]*"))
            }
            guard !sourceIdentity.lowercased().hasPrefix("aws:") else {
                throw PortlessError(.validationError, "SourceIdentity must not start with 'aws:'.", field: "SourceIdentity")
            }
        }
        if let policy {
            guard (1...packedLimit).contains(policy.count) else {
                throw ConstraintViolation.withoutValue(.validationError, field: "Policy", policy.isEmpty ? .minLength(1) : .maxLength(packedLimit))
            }
        }
        guard policyArns.count <= maxPolicyArns else {
            throw ConstraintViolation.withoutValue(.validationError, field: "PolicyArns", .maxLength(maxPolicyArns))
        }
        guard transitiveTagKeys.count <= 50 else {
            throw ConstraintViolation.withoutValue(.validationError, field: "TransitiveTagKeys", .maxLength(50))
        }
    }

    /// `SerialNumber` (9–256, `[\w+=/:,.@-]*`) and `TokenCode` (six digits).
    public static func mfa(serialNumber: String, tokenCode: String) throws {
        guard (9...256).contains(serialNumber.count) else {
            throw constraint(serialNumber, "SerialNumber", serialNumber.count < 9 ? .minLength(9) : .maxLength(256))
        }
        guard serialNumber.unicodeScalars.allSatisfy({ IAMValidation.isNameScalar($0) || $0 == "/" || $0 == ":" }) else {
            throw constraint(serialNumber, "SerialNumber", .pattern("[\\w+=/:,.@-]*"))
        }
        guard tokenCode.count == 6 else { throw constraint(tokenCode, "TokenCode", tokenCode.count < 6 ? .minLength(6) : .maxLength(6)) }
        guard tokenCode.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { throw constraint(tokenCode, "TokenCode", .pattern("[\\d]*")) }
    }

    /// `PackedPolicySize`: how much of the allowance the session policies and tags use, in percent.
    public static func packedPolicySize(policy: String?, policyArns: [String], tags: [Tag]) -> Int {
        let used = (policy?.filter { !$0.isWhitespace }.count ?? 0) + policyArns.reduce(0) { $0 + $1.count }
            + tags.reduce(0) { $0 + $1.key.count + $1.value.count }
        return used * 100 / packedLimit
    }

    private static func constraint(_ value: String, _ field: String, _ rule: ConstraintViolation.Rule) -> PortlessError {
        ConstraintViolation.error(.validationError, value: value, field: field, rule)
    }
}
