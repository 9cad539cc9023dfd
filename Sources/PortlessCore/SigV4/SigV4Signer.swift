public import Foundation

/// A client-side SigV4 signer for one set of credentials, region and service.
public struct SigV4Signer: Sendable {
    /// The access key ID named in signatures.
    public let accessKeyId: String
    /// The secret the signing key is derived from.
    let secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token` and signed.
    public let sessionToken: String?
    /// The region in the credential scope.
    public let region: String
    /// The service in the credential scope (`s3` changes path and payload handling).
    public let service: String

    /// Creates a signer.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, region: String, service: String) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
    }

    /// Signs a request in header form and returns the headers to add, in this order:
    /// `x-amz-date`, `x-amz-content-sha256` (only if service is `s3`), `x-amz-security-token`
    /// (if there is a session token) and `authorization`.
    ///
    /// `path` and `query` are raw, as they will go on the wire. `headers` must include `host`.
    /// Any `authorization`, `x-amz-date` or `x-amz-security-token` in `headers` is ignored (the
    /// returned values replace it). An `x-amz-content-sha256` already in `headers` is used as the
    /// payload hash (e.g. `UNSIGNED-PAYLOAD`) and is not returned again; otherwise the payload hash is
    /// the hex SHA-256 of `body`.
    ///
    /// Signed headers: `host`, `content-type`, `content-md5` and every `x-amz-*` header present
    /// (so `x-amz-date`, `x-amz-security-token`, `x-amz-content-sha256`, `x-amz-target`,
    /// `x-amz-checksum-*` ...).
    public func sign(
        method: String,
        path: String,
        query: String,
        headers: [(name: String, value: String)],
        body: [UInt8],
        date: Date
    ) -> [(name: String, value: String)] {
        let amzDate = SigV4.amzDate(date)
        let scope = SigV4Scope(date: String(amzDate.prefix(8)), region: region, service: service)
        let replaced: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token"]
        let kept = headers.filter { !replaced.contains(SigV4.trimmed($0.name).lowercased()) }

        var added: [(name: String, value: String)] = [("x-amz-date", amzDate)]
        let payloadHash: String
        if let given = kept.first(where: { SigV4.trimmed($0.name).lowercased() == "x-amz-content-sha256" }) {
            payloadHash = SigV4.trimmed(given.value)
        } else {
            payloadHash = SigV4.hexSHA256(body)
            if service == "s3" {
                added.append(("x-amz-content-sha256", payloadHash))
            }
        }
        if let sessionToken {
            added.append(("x-amz-security-token", sessionToken))
        }

        let all = kept + added
        let signedHeaders = SigV4.canonicalSignedHeaderNames(
            all.map(\.name).filter { Self.isSigned(SigV4.trimmed($0).lowercased()) }
        )
        let canonical = SigV4.canonicalRequest(
            method: method, path: path, query: query, headers: all,
            signedHeaders: signedHeaders, payloadHash: payloadHash, service: service
        )
        let signature = SigV4.signature(
            secret: secretAccessKey, amzDate: amzDate, scope: scope, canonicalRequest: canonical
        )
        let authorization = SigV4Authorization(
            accessKeyId: accessKeyId, scope: scope, signedHeaders: signedHeaders, signature: signature
        )
        added.append(("authorization", authorization.headerValue))
        return added
    }

    /// A presigned URL query string (query form): `query` re-encoded canonically (in its order,
    /// any SigV4 `X-Amz-*` parameters in it dropped) followed by `X-Amz-Algorithm`,
    /// `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders` (`host`),
    /// `X-Amz-Security-Token` (if any) and finally `X-Amz-Signature`, the same order botocore uses.
    ///
    /// The payload hash is `UNSIGNED-PAYLOAD` for `s3` and the hash of an empty body otherwise.
    /// `expires` is used as given (AWS accepts 1...604800 seconds).
    public func presignedQuery(method: String, path: String, query: String, host: String, expires: Int, date: Date) -> String {
        let amzDate = SigV4.amzDate(date)
        let scope = SigV4Scope(date: String(amzDate.prefix(8)), region: region, service: service)
        let authNames: Set<String> = [
            "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
            "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token",
        ]
        var parameters: [(name: String, value: String)] = SigV4URIEncoding.decodeQuery(query)
            .filter { !authNames.contains($0.name) }
        parameters.append(("X-Amz-Algorithm", SigV4.algorithm))
        parameters.append(("X-Amz-Credential", "\(accessKeyId)/\(scope.string)"))
        parameters.append(("X-Amz-Date", amzDate))
        parameters.append(("X-Amz-Expires", String(expires)))
        parameters.append(("X-Amz-SignedHeaders", "host"))
        if let sessionToken {
            parameters.append(("X-Amz-Security-Token", sessionToken))
        }
        let unsigned = parameters
            .map { "\(SigV4URIEncoding.encode($0.name))=\(SigV4URIEncoding.encode($0.value))" }
            .joined(separator: "&")
        let canonical = SigV4.canonicalRequest(
            method: method, path: path, query: unsigned, headers: [("host", host)],
            signedHeaders: ["host"],
            payloadHash: service == "s3" ? SigV4.unsignedPayload : SigV4.emptyPayloadHash,
            service: service
        )
        let signature = SigV4.signature(
            secret: secretAccessKey, amzDate: amzDate, scope: scope, canonicalRequest: canonical
        )
        return unsigned + "&X-Amz-Signature=" + signature
    }

    private static func isSigned(_ lowerCaseName: String) -> Bool {
        lowerCaseName == "host" || lowerCaseName == "content-type" || lowerCaseName == "content-md5"
            || lowerCaseName.hasPrefix("x-amz-")
    }
}
