import Crypto
import NIOCore

/// An MD5 computed beside the caller rather than by it: buffers are gathered into groups of about
/// 1 MiB, and each group is hashed by a task that continues where the previous group's left off,
/// while the caller goes on writing. At most `maxQueued` groups wait; a body that ends under one
/// group is hashed inline (no task for a small object).
///
/// MD5 is the slowest digest of an upload (about 0.7 GB/s), so off the writing path it no longer
/// adds its time to everything else's.
struct BackgroundMD5 {
    static let groupBytes = 1 << 20
    static let maxQueued = 2

    private var group: [ByteBuffer] = []
    private var groupSize = 0
    private var links: [Task<Insecure.MD5, Never>] = []

    /// Adds `buffer` (not copied); waits only when `maxQueued` groups are already waiting.
    mutating func update(_ buffer: ByteBuffer) async {
        group.append(buffer)
        groupSize += buffer.readableBytes
        if groupSize >= Self.groupBytes { await submit() }
    }

    /// The digest of everything added.
    mutating func finalize() async -> [UInt8] {
        var md5: Insecure.MD5
        if let last = links.last {
            md5 = await last.value
        } else {
            md5 = Insecure.MD5()
        }
        Self.hash(group, into: &md5)
        group = []
        links = []
        return Array(md5.finalize())
    }

    private mutating func submit() async {
        let previous = links.last
        let buffers = group
        group = []
        groupSize = 0
        links.append(Task {
            var md5 = await previous?.value ?? Insecure.MD5()
            Self.hash(buffers, into: &md5)
            return md5
        })
        if links.count > Self.maxQueued { _ = await links.removeFirst().value }
    }

    private static func hash(_ buffers: [ByteBuffer], into md5: inout Insecure.MD5) {
        for buffer in buffers {
            buffer.withUnsafeReadableBytes { md5.update(bufferPointer: $0) }
        }
    }
}
