import Crypto
import Foundation
import PortlessCore

/// A temporary file an upload is streamed into while its MD5 and CRC32 are computed (the payload
/// SHA-256 is checked as the body is read, by `PayloadReader`).
///
/// Nothing is visible until the store renames the file into place; `discard()` removes it.
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
    private var md5 = Insecure.MD5()
    private var crc = CRC32()
    private var pending: [UInt8] = []
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
        pending.reserveCapacity(1 << 20)
    }

    deinit {
        if !closed { try? handle.close() }
    }

    /// Appends bytes.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard size + bytes.count <= limit else { throw S3Error.entityTooLarge(limit) }
        size += bytes.count
        md5.update(bufferPointer: bytes)
        crc.update(bytes)
        pending.append(contentsOf: bytes)
        if pending.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file and returns the digests.
    func finish() throws -> Digests {
        try flush()
        try handle.close()
        closed = true
        return Digests(size: size, md5: Array(md5.finalize()), crc32Base64: crc.base64)
    }

    /// Closes and removes the file.
    func discard() {
        if !closed { try? handle.close(); closed = true }
        try? FileManager.default.removeItem(at: url)
    }
}
