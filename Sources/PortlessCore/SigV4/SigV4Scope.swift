/// Credential scope: date (yyyyMMdd) / region / service / aws4_request.
///
/// The scope names the day, region and service a signing key is valid for;
/// it appears in the `Credential=` part of a signature and in the string to sign.
public struct SigV4Scope: Sendable, Hashable {
    /// The signing day, `yyyyMMdd` in UTC.
    public var date: String
    /// The region, e.g. `us-east-1`.
    public var region: String
    /// The service, e.g. `ssm`, `sts` or `s3`.
    public var service: String

    /// Creates a scope from its parts.
    public init(date: String, region: String, service: String) {
        self.date = date
        self.region = region
        self.service = service
    }

    /// The scope as it is signed, e.g. `20261122/us-east-1/ssm/aws4_request`.
    public var string: String { "\(date)/\(region)/\(service)/\(SigV4.terminator)" }
}

extension SigV4Scope {
    /// Parses a credential `AKID/yyyyMMdd/region/service/aws4_request`.
    ///
    /// - Parameter field: the header or query parameter named in errors.
    /// - Throws: `PortlessError(.incompleteSignature)` naming what is wrong.
    static func parseCredential(_ credential: String, field: String) throws -> (accessKeyId: String, scope: SigV4Scope) {
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 else {
            // AWS's text, as recorded by dynalite.
            throw PortlessError(
                aws: .incompleteSignature,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '\(credential)'",
                field: field
            )
        }
        guard parts[4] == SigV4.terminator else {
            throw PortlessError(
                .incompleteSignature,
                "Credential should be scoped with a valid terminator: 'aws4_request', not '\(parts[4])'.",
                field: field
            )
        }
        guard !parts[0].isEmpty else {
            throw PortlessError(.incompleteSignature, "Credential has an empty access key ID.", field: field)
        }
        let date = parts[1]
        guard date.utf8.count == 8, date.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw PortlessError(
                .incompleteSignature,
                "Credential should be scoped to a valid date (yyyyMMdd), not '\(date)'.",
                field: field
            )
        }
        guard !parts[2].isEmpty else {
            throw PortlessError(.incompleteSignature, "Credential should be scoped to a valid region, not ''.", field: field)
        }
        guard !parts[3].isEmpty else {
            throw PortlessError(.incompleteSignature, "Credential should be scoped to a valid service, not ''.", field: field)
        }
        return (parts[0], SigV4Scope(date: date, region: parts[2], service: parts[3]))
    }
}
