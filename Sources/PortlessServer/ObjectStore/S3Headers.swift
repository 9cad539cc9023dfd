import HTTPTypes

/// Header names the S3 routes use.
enum S3Headers {
    static let requestId = HTTPField.Name("x-amz-request-id")!
    static let contentSHA256 = HTTPField.Name("x-amz-content-sha256")!
    static let checksumCRC32 = HTTPField.Name("x-amz-checksum-crc32")!
    static let decodedContentLength = HTTPField.Name("x-amz-decoded-content-length")!
    static let copySource = HTTPField.Name("x-amz-copy-source")!
    static let metadataDirective = HTTPField.Name("x-amz-metadata-directive")!
    static let checksumMode = HTTPField.Name("x-amz-checksum-mode")!
    static let contentMD5 = HTTPField.Name("Content-MD5")!
    /// Stored with an object and returned on GET/HEAD.
    static let stored = ["content-encoding", "content-disposition", "content-language", "cache-control", "expires"]
}
