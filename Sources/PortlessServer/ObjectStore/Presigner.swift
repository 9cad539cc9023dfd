public import Foundation
public import PortlessCore

/// Server-side presigned URLs for the object store (for command output: hand each node one upload URL).
/// Signs with the given access key; the URL is only as strong as that key's rights.
public struct Presigner: Sendable {
    /// The server's externally reachable base URL.
    public let endpoint: URL
    let signer: SigV4Signer

    /// A presigner signing with `accessKeyId`/`secret` in `region`.
    public init(endpoint: URL, accessKeyId: String, secret: String, sessionToken: String? = nil, region: String) {
        self.endpoint = endpoint
        self.signer = SigV4Signer(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: sessionToken, region: region, service: "s3")
    }

    /// A presigned `PUT` URL for `bucket`/`key`, valid `expires` seconds.
    public func upload(bucket: String, key: String, expires: Int = 3600, date: Date = Date()) throws -> URL {
        try S3PresignedURL.make(endpoint: endpoint, signer: signer, method: "PUT", bucket: bucket, key: key, expires: expires, date: date)
    }

    /// A presigned `GET` URL for `bucket`/`key`, valid `expires` seconds.
    public func download(bucket: String, key: String, expires: Int = 3600, date: Date = Date()) throws -> URL {
        try S3PresignedURL.make(endpoint: endpoint, signer: signer, method: "GET", bucket: bucket, key: key, expires: expires, date: date)
    }
}
