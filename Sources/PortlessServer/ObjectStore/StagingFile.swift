import Foundation
import NIOCore
import PortlessCore

/// A temporary file an upload is streamed into while its MD5 and CRC32 are computed (the payload
/// SHA-256 is checked as the body is read, by `PayloadReader`).
///
/// Each received buffer is written to the file as it is (never copied) and its CRC32 taken on the
/// way; the MD5 runs beside, on another task (`BackgroundMD5`). Nothing is visible until the store
/// renames the file into place; `discard()` removes it.
final class StagingFile {
    /// The digests of everything written.
    struct Digests: Sendable {
        var size: Int
        var md5: [UInt8]
        var crc32Base64: String
    }

    let url: URL
    private let handle: FileHandle
    private let limit: Int
    private var md5 = BackgroundMD5()
    private var crc = CRC32()
    private(set) var size = 0
    private var closed = false

    /// Creates an empty file at `url`; writes beyond `limit` bytes fail with EntityTooLarge.
    init(url: URL, limit: Int) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw S3Error.internalError
        }
        self.url = url
        self.handle = try FileHandle(forWritingTo: url)
        self.limit = limit
    }

    deinit {
        if !closed { try? handle.close() }
    }

    /// Appends the buffer's readable bytes.
    func write(_ buffer: ByteBuffer) async throws {
        guard size + buffer.readableBytes <= limit else { throw S3Error.entityTooLarge(limit) }
        size += buffer.readableBytes
        await md5.update(buffer)
        try buffer.withUnsafeReadableBytes { bytes in
            crc.update(bytes)
            try handle.write(contentsOf: bytes)
        }
    }

    /// Closes the file and returns the digests.
    func finish() async throws -> Digests {
        try handle.close()
        closed = true
        return Digests(size: size, md5: await md5.finalize(), crc32Base64: crc.base64)
    }

    /// Closes and removes the file.
    func discard() {
        if !closed { try? handle.close(); closed = true }
        try? FileManager.default.removeItem(at: url)
    }
}
