/// The presigned-URL form of a SigV4 signature, parsed from a raw query string:
/// `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`,
/// `X-Amz-Signature` and the optional `X-Amz-Security-Token`.
public struct SigV4PresignedQuery: Sendable, Equatable {
    /// The access key ID from `X-Amz-Credential`.
    public var accessKeyId: String
    /// The credential scope from `X-Amz-Credential`.
    public var scope: SigV4Scope
    /// `X-Amz-Date`, `yyyyMMdd'T'HHmmss'Z'`.
    public var amzDate: String
    /// `X-Amz-Expires`, seconds (1...604800).
    public var expires: Int
    /// `X-Amz-SignedHeaders`, in the order given.
    public var signedHeaders: [String]
    /// `X-Amz-Signature`, as given.
    public var signature: String
    /// `X-Amz-Security-Token`, if present.
    public var securityToken: String?

    /// The longest presigned URL lifetime AWS allows: 7 days.
    public static let maximumExpires = 604_800

    /// Parses the SigV4 parameters of a raw query string (percent-encoded, without `?`).
    ///
    /// - Returns: nil when the query has neither `X-Amz-Algorithm` nor `X-Amz-Signature`
    ///   (not a presigned request).
    /// - Throws: when the request is presigned but malformed, naming the parameter in `field`:
    ///   `PortlessError(.incompleteSignature)` for a missing or repeated parameter, an algorithm other
    ///   than `AWS4-HMAC-SHA256`, a bad credential scope, an `X-Amz-Date` that is not
    ///   `yyyyMMdd'T'HHmmss'Z'` or whose day differs from the scope's, an empty `X-Amz-SignedHeaders`
    ///   entry or an empty signature; `PortlessError(.invalidParameters)` for an `X-Amz-Expires` that is
    ///   not an integer in 1...604800. The missing-parameter, algorithm and `X-Amz-Expires` errors carry
    ///   S3's texts (as MinIO and other S3 implementations copy them).
    public init?(query: String) throws {
        let names = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
                     "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token"]
        var found: [String: String] = [:]
        for (name, value) in SigV4URIEncoding.decodeQuery(query) where names.contains(name) {
            guard found[name] == nil else {
                throw PortlessError(.incompleteSignature, "Query parameter \(name) appears more than once.", field: name)
            }
            found[name] = value
        }
        guard found["X-Amz-Algorithm"] != nil || found["X-Amz-Signature"] != nil else { return nil }

        let required = names.dropLast()
        let missing = required.filter { found[$0] == nil }
        guard missing.isEmpty,
              let algorithm = found["X-Amz-Algorithm"],
              let credential = found["X-Amz-Credential"],
              let amzDate = found["X-Amz-Date"],
              let expiresText = found["X-Amz-Expires"],
              let signedHeaders = found["X-Amz-SignedHeaders"],
              let signature = found["X-Amz-Signature"]
        else {
            throw PortlessError(
                aws: .incompleteSignature,
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, "
                    + "X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
                field: missing.first
            )
        }
        guard algorithm == SigV4.algorithm else {
            throw PortlessError(aws: .incompleteSignature, "X-Amz-Algorithm only supports \"\(SigV4.algorithm)\"", field: "X-Amz-Algorithm")
        }
        let (accessKeyId, scope) = try SigV4Scope.parseCredential(credential, field: "X-Amz-Credential")
        guard SigV4.parseAmzDate(amzDate) != nil else {
            throw PortlessError(
                .incompleteSignature,
                "X-Amz-Date must be in ISO-8601 basic format yyyyMMdd'T'HHmmss'Z'. Got '\(amzDate)'.",
                field: "X-Amz-Date"
            )
        }
        guard amzDate.hasPrefix(scope.date) else {
            throw PortlessError(
                .incompleteSignature,
                "Date in credential scope '\(scope.date)' does not match the day of X-Amz-Date '\(amzDate)'.",
                field: "X-Amz-Credential"
            )
        }
        guard expiresText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let expires = Int(expiresText) else {
            throw PortlessError(aws: .invalidParameters, "X-Amz-Expires should be a number", field: "X-Amz-Expires")
        }
        guard expires >= 1 else {
            throw PortlessError(aws: .invalidParameters, "X-Amz-Expires must be non-negative", field: "X-Amz-Expires")
        }
        guard expires <= Self.maximumExpires else {
            throw PortlessError(aws: .invalidParameters,
                                "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than \(Self.maximumExpires) seconds",
                                field: "X-Amz-Expires")
        }
        let headerNames = signedHeaders.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !signedHeaders.isEmpty, !headerNames.contains(where: \.isEmpty) else {
            throw PortlessError(
                .incompleteSignature,
                "X-Amz-SignedHeaders '\(signedHeaders)' must be a non-empty ';'-separated list of header names.",
                field: "X-Amz-SignedHeaders"
            )
        }
        guard !signature.isEmpty else {
            throw PortlessError(.incompleteSignature, "X-Amz-Signature is empty.", field: "X-Amz-Signature")
        }
        self.accessKeyId = accessKeyId
        self.scope = scope
        self.amzDate = amzDate
        self.expires = expires
        self.signedHeaders = headerNames
        self.signature = signature
        self.securityToken = found["X-Amz-Security-Token"]
    }
}
