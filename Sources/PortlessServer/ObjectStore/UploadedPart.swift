import Foundation

/// One uploaded part of a multipart upload.
struct UploadedPart: Codable, Sendable {
    var partNumber: Int
    /// Quoted MD5 hex.
    var etag: String
    var size: Int
    var lastModified: Date
    var checksumCRC32: String?
}
