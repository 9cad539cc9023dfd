public import Foundation
public import PortlessCore

/// Makes presigned S3 URLs for a Portless (or any S3-compatible) endpoint, e.g. one upload URL per node
/// that `curl -X PUT -T file URL` can use with no credentials.
public struct S3Presigner: Sendable {
    /// The server's base URL (scheme, host, port).
    public let endpoint: URL
    let signer: SigV4Signer

    /// A presigner for the given credentials and region.
    public init(endpoint: URL, accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, region: String) {
        self.endpoint = endpoint
        self.signer = SigV4Signer(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
                                  region: region, service: "s3")
    }

    /// A URL that uploads one object (`PUT`) for `expires` seconds (at most 7 days).
    public func upload(bucket: String, key: String, expires: Int = 3600, date: Date = Date()) throws -> URL {
        try S3PresignedURL.make(endpoint: endpoint, signer: signer, method: "PUT", bucket: bucket, key: key, expires: expires, date: date)
    }

    /// A URL that downloads one object (`GET`) for `expires` seconds (at most 7 days).
    public func download(bucket: String, key: String, expires: Int = 3600, date: Date = Date()) throws -> URL {
        try S3PresignedURL.make(endpoint: endpoint, signer: signer, method: "GET", bucket: bucket, key: key, expires: expires, date: date)
    }
}
