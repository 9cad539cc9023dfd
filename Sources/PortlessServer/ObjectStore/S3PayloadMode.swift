import PortlessCore

/// How an S3 request's body is protected, from `x-amz-content-sha256` (or presigned: unsigned).
enum S3PayloadMode: Sendable {
    /// The hex SHA-256 the body must have.
    case sha256(String)
    /// `UNSIGNED-PAYLOAD`.
    case unsigned
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`: aws-chunked with a signature per chunk.
    case signedChunks(SigV4ChunkVerifier)
    /// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: aws-chunked, no signatures, checksum in a trailer.
    case unsignedChunks
}
