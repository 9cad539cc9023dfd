public import Foundation

/// Builds path-style S3 presigned URLs (SigV4 query form), as boto3's `generate_presigned_url` does.
public enum S3PresignedURL {
    /// A presigned URL for `method` on `bucket`/`key` at `endpoint` (scheme, host and port; any path is ignored),
    /// valid for `expires` seconds (1...604800) from `date`.
    ///
    /// - Throws: `PortlessError(.validation)` for a bad bucket name, key or lifetime.
    public static func make(endpoint: URL, signer: SigV4Signer, method: String, bucket: String, key: String,
                            expires: Int, date: Date = Date()) throws -> URL {
        guard S3Names.isValidBucketName(bucket) else { throw PortlessError(.validation, "'\(bucket)' is not a valid bucket name.", field: "Bucket") }
        if let problem = S3Names.keyProblem(key) { throw PortlessError(.validation, problem, field: "Key") }
        guard (1...SigV4PresignedQuery.maximumExpires).contains(expires) else {
            throw PortlessError(.validation, "Expires must be from 1 to \(SigV4PresignedQuery.maximumExpires) seconds.", field: "Expires")
        }
        guard let scheme = endpoint.scheme, let host = endpoint.host else {
            throw PortlessError(.validation, "The endpoint '\(endpoint.absoluteString)' has no scheme or host.", field: "Endpoint")
        }
        let hostName = host.contains(":") ? "[\(host)]" : host
        let authority = endpoint.port.map { "\(hostName):\($0)" } ?? hostName
        let path = "/" + bucket + "/" + SigV4URIEncoding.encode(key, keepSlash: true)
        let query = signer.presignedQuery(method: method.uppercased(), path: path, query: "", host: authority, expires: expires, date: date)
        guard let url = URL(string: "\(scheme)://\(authority)\(path)?\(query)") else {
            throw PortlessError(.validation, "Could not build a URL for \(bucket)/\(key).", field: "Key")
        }
        return url
    }
}
