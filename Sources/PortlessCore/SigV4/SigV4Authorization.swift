/// The parsed `Authorization: AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=a;b, Signature=hex` header.
public struct SigV4Authorization: Sendable, Equatable {
    /// The access key ID from `Credential=`.
    public var accessKeyId: String
    /// The credential scope from `Credential=`.
    public var scope: SigV4Scope
    /// The signed header names from `SignedHeaders=`, in the order given.
    public var signedHeaders: [String]
    /// The hex signature from `Signature=`, as given.
    public var signature: String

    /// Parses an `Authorization` header value.
    ///
    /// The three components may come in any order, separated by `,` with optional spaces;
    /// unknown components are ignored.
    ///
    /// - Throws: `PortlessError(.incompleteSignature, ...)` (field `Authorization`) naming what is
    ///   missing or malformed: an algorithm other than `AWS4-HMAC-SHA256`, a missing or repeated
    ///   `Credential`/`SignedHeaders`/`Signature`, a component without `=`, a credential scope
    ///   without 5 parts or not ending in `aws4_request`, a bad scope date, an empty signed header list
    ///   or an empty signature. The algorithm, missing-component and missing-`=` errors carry AWS's
    ///   texts (recorded from AWS by dynalite and quoted in aws-sdk-js and Cloud9 issues).
    public init(header: String) throws {
        let field = "Authorization"
        let value = SigV4.trimmed(header)
        let algorithmEnd = value.unicodeScalars.firstIndex(where: SigV4.isFoldedWhitespace) ?? value.endIndex
        let algorithm = String(value[..<algorithmEnd])
        guard algorithm == SigV4.algorithm else {
            guard !algorithm.isEmpty else {
                throw PortlessError(.incompleteSignature,
                                    "Authorization header is empty; expected \(SigV4.algorithm) Credential=..., SignedHeaders=..., Signature=...",
                                    field: field)
            }
            throw PortlessError(aws: .incompleteSignature, "Unsupported AWS 'algorithm': '\(algorithm)' (only \(SigV4.algorithm) for now). ",
                                field: field)
        }

        var components: [String: String] = [:]
        for part in value[algorithmEnd...].split(separator: ",") {
            let component = SigV4.trimmed(String(part))
            if component.isEmpty { continue }
            guard let equals = component.firstIndex(of: "=") else {
                throw PortlessError(
                    aws: .incompleteSignature,
                    "'\(component)' not a valid key=value pair (missing equal-sign) in Authorization header: '\(value)'.",
                    field: field
                )
            }
            let key = String(component[..<equals])
            let componentValue = String(component[component.index(after: equals)...])
            guard ["Credential", "SignedHeaders", "Signature"].contains(key) else { continue }
            guard components[key] == nil else {
                throw PortlessError(
                    .incompleteSignature,
                    "Authorization header has '\(key)' more than once.",
                    field: field
                )
            }
            components[key] = componentValue
        }

        let missing = ["Credential", "Signature", "SignedHeaders"].filter { components[$0] == nil }
        guard missing.isEmpty,
              let credential = components["Credential"],
              let signedHeaders = components["SignedHeaders"],
              let signature = components["Signature"]
        else {
            throw PortlessError(
                aws: .incompleteSignature,
                missing.map { "Authorization header requires '\($0)' parameter. " }.joined() + "Authorization=\(value)",
                field: field
            )
        }

        let (accessKeyId, scope) = try SigV4Scope.parseCredential(credential, field: field)
        let names = signedHeaders.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !signedHeaders.isEmpty, !names.contains(where: \.isEmpty) else {
            throw PortlessError(
                .incompleteSignature,
                "SignedHeaders '\(signedHeaders)' must be a non-empty ';'-separated list of header names.",
                field: field
            )
        }
        guard !signature.isEmpty else {
            throw PortlessError(.incompleteSignature, "Authorization header has an empty 'Signature'.", field: field)
        }
        self.accessKeyId = accessKeyId
        self.scope = scope
        self.signedHeaders = names
        self.signature = signature
    }

    /// Creates an authorization from its parts (e.g. to build a header with ``headerValue``).
    public init(accessKeyId: String, scope: SigV4Scope, signedHeaders: [String], signature: String) {
        self.accessKeyId = accessKeyId
        self.scope = scope
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// The header value: `AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=a;b, Signature=hex`.
    public var headerValue: String {
        "\(SigV4.algorithm) Credential=\(accessKeyId)/\(scope.string), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
    }
}
