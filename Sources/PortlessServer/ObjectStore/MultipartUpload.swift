import Foundation

/// A multipart upload in progress: where it will land and the object's headers.
struct MultipartUpload: Codable, Sendable {
    var uploadId: String
    var bucket: String
    var key: String
    var accountId: String
    var initiated: Date
    var contentType: String?
    var headers: [String: String]
    var userMetadata: [String: String]
}
