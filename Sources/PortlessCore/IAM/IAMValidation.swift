import Foundation

/// The input rules of IAM and STS (from their service models), raising `ValidationError` in AWS's wording
/// and `MalformedPolicyDocument` for policies that are not JSON policies.
public enum IAMValidation {
    static let nameCharacters = "[\\w+=,.@-]"

    /// `[\w+=,.@-]+`, 1–64 characters.
    public static func isRoleName(_ value: String) -> Bool {
        (1...64).contains(value.count) && value.unicodeScalars.allSatisfy(isNameScalar)
    }

    /// `/` or `/…/` with characters `!`–`~`, at most 512.
    public static func isPath(_ value: String) -> Bool {
        guard (1...512).contains(value.utf8.count), value.hasPrefix("/"), value.hasSuffix("/") else { return false }
        return value == "/" || value.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E }
    }

    public static func roleName(_ value: String, field: String = "RoleName") throws {
        guard isRoleName(value) else {
            throw constraint(value, field: field, value.isEmpty ? .minLength(1) : value.count > 64 ? .maxLength(64) : .pattern("\(nameCharacters)+"))
        }
    }

    public static func path(_ value: String, field: String = "Path") throws {
        guard isPath(value) else {
            throw constraint(value, field: field, .pattern("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"))
        }
    }

    public static func pathPrefix(_ value: String, field: String = "PathPrefix") throws {
        guard (1...512).contains(value.utf8.count), value.hasPrefix("/"), value.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7F }) else {
            throw constraint(value, field: field, .pattern("\\u002F[\\u0021-\\u007F]*"))
        }
    }

    /// `RoleSessionName`: `[\w+=,.@-]*`, 2–64 characters.
    public static func sessionName(_ value: String, field: String = "RoleSessionName") throws {
        guard (2...64).contains(value.count) else {
            throw constraint(value, field: field, value.count < 2 ? .minLength(2) : .maxLength(64))
        }
        guard value.unicodeScalars.allSatisfy(isNameScalar) else {
            throw constraint(value, field: field, .pattern("\(nameCharacters)*"))
        }
    }

    public static func description(_ value: String, field: String = "Description") throws {
        guard value.count <= 1000 else { throw constraint(value, field: field, .maxLength(1000)) }
        guard value.unicodeScalars.allSatisfy({ $0 == "\t" || $0 == "\n" || $0 == "\r" || (0x20...0x7E).contains($0.value) || (0xA1...0xFF).contains($0.value) }) else {
            throw constraint(value, field: field, .pattern("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"))
        }
    }

    /// Up to 50 tags, keys 1–128 and values up to 256 characters, no key twice (case-insensitively).
    public static func tags(_ tags: [Tag], field: String = "Tags") throws {
        guard tags.count <= 50 else {
            throw ConstraintViolation.withoutValue(.validationError, field: field, .maxLength(50))
        }
        var seen = Set<String>()
        for tag in tags {
            guard (1...128).contains(tag.key.count) else { throw constraint(tag.key, field: "\(field).Key", tag.key.isEmpty ? .minLength(1) : .maxLength(128)) }
            guard tag.value.count <= 256 else { throw constraint(tag.value, field: "\(field).Value", .maxLength(256)) }
            guard seen.insert(tag.key.lowercased()).inserted else {
                throw PortlessError(aws: .validationError, "Duplicate tag keys found. Please note that Tag keys are case insensitive.", field: field)
            }
        }
    }

    /// A whole number in `range`, as the Query protocol sends it (text).
    public static func integer(_ text: String, field: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text) else {
            throw PortlessError(.validationError, "\(field) must be a whole number, not '\(text)'.", field: field)
        }
        guard range.contains(value) else {
            throw constraint(String(value), field: field, value < range.lowerBound ? .minValue(range.lowerBound) : .maxValue(range.upperBound))
        }
        return value
    }

    /// A policy document: 1–131072 characters of the allowed set, a JSON object with `Version` (text) and
    /// `Statement` (an object or a non-empty list of objects). Otherwise `MalformedPolicyDocument` with
    /// IAM's texts (asserted by moto's `test_iam_policies.py`; an unknown version or a missing
    /// statement is IAM's `Syntax errors in policy.`).
    /// After those first checks the whole document goes through the policy parser for `kind` (every element,
    /// operator and ARN, AWS's texts).
    public static func policyDocument(_ value: String, field: String, kind: PolicyKind = .identity) throws {
        guard (1...131_072).contains(value.count) else {
            throw constraint(String(value.prefix(64)), field: field, value.isEmpty ? .minLength(1) : .maxLength(131_072))
        }
        guard value.unicodeScalars.allSatisfy({ $0 == "\t" || $0 == "\n" || $0 == "\r" || (0x20...0xFF).contains($0.value) }) else {
            throw constraint(String(value.prefix(64)), field: field, .pattern("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"))
        }
        let syntax = PortlessError(aws: .malformedPolicyDocument, "Syntax errors in policy.", field: field)
        guard let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any] else { throw syntax }
        guard let version = object["Version"] else {
            throw PortlessError(aws: .malformedPolicyDocument, "Policy document must be version 2012-10-17 or greater.", field: field)
        }
        guard let text = version as? String, ["2012-10-17", "2008-10-17"].contains(text) else { throw syntax }
        let statements: [Any]
        switch object["Statement"] {
        case let list as [Any]: statements = list
        case let single as [String: Any]: statements = [single]
        default: throw syntax
        }
        guard !statements.isEmpty, statements.allSatisfy({ $0 is [String: Any] }) else { throw syntax }
        _ = try Policy(json: value, kind: kind, field: field)
    }

    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": true
        default: false
        }
    }

    static func constraint(_ value: String, field: String, _ rule: ConstraintViolation.Rule) -> PortlessError {
        ConstraintViolation.error(.validationError, value: value, field: field, rule)
    }
}
