import Glibc
import NIOCore

/// A file's bytes as an async sequence of `chunkSize` buffers, read with read(2) as they are asked
/// for (so an upload holds at most a few chunks in memory).
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let path: String
    let chunkSize: Int

    func makeAsyncIterator() -> Iterator { Iterator(path: path, chunkSize: chunkSize) }

    struct Iterator: AsyncIteratorProtocol {
        let path: String
        let chunkSize: Int
        private var file: OpenFile?
        private var finished = false

        init(path: String, chunkSize: Int) {
            self.path = path
            self.chunkSize = chunkSize
        }

        mutating func next() async throws -> ByteBuffer? {
            guard !finished else { return nil }
            if file == nil { file = try OpenFile(path: path, flags: O_RDONLY) }
            guard let file else { return nil }
            var buffer = ByteBufferAllocator().buffer(capacity: chunkSize)
            let count = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: chunkSize) { raw in
                try file.readFully(into: raw, count: chunkSize)
            }
            if count == 0 {
                finished = true
                self.file = nil
                return nil
            }
            return buffer
        }
    }
}
