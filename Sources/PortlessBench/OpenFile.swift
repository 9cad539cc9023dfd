import Glibc

/// A file descriptor closed when the last reference goes; reads and writes retry short transfers and EINTR.
final class OpenFile {
    let descriptor: Int32

    init(path: String, flags: Int32, mode: mode_t = 0o600) throws {
        let descriptor = open(path, flags, mode)
        guard descriptor >= 0 else { throw BenchError("cannot open \(path): errno \(errno)") }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes into `buffer` (fewer only at end of file); returns how many.
    func readFully(into buffer: UnsafeMutableRawBufferPointer, count: Int) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        let wanted = min(count, buffer.count)
        while done < wanted {
            let got = read(descriptor, base + done, wanted - done)
            if got < 0 {
                if errno == EINTR { continue }
                throw BenchError("read failed: errno \(errno)")
            }
            if got == 0 { break }
            done += got
        }
        return done
    }

    /// Writes all of `buffer`.
    func writeAll(_ buffer: UnsafeRawBufferPointer) throws {
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let put = write(descriptor, base + done, buffer.count - done)
            if put < 0 {
                if errno == EINTR { continue }
                throw BenchError("write failed: errno \(errno)")
            }
            done += put
        }
    }
}
