import Foundation

/// What is stored beside an object's bytes: its key, ETag, size, headers and user metadata.
struct ObjectMetadata: Codable, Sendable, Equatable {
    /// The object key.
    var key: String
    /// The file name of the bytes in the bucket's `data/` directory.
    var blob: String
    var size: Int
    /// Quoted, as sent in `ETag`.
    var etag: String
    var lastModified: Date
    var contentType: String?
    /// Other stored headers S3 returns (`Content-Encoding`, `Cache-Control`, …), lower-cased names.
    var headers: [String: String] = [:]
    /// `x-amz-meta-*` values, by lower-cased suffix.
    var userMetadata: [String: String] = [:]
    /// Base64 CRC32 of the whole object (single-part uploads).
    var checksumCRC32: String?
    /// Number of parts, for multipart objects.
    var partCount: Int?
}
