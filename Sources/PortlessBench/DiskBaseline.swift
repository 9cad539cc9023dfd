import Foundation
import Glibc

/// The plain-disk side of the object-store benchmark: the same bytes moved with read(2)/write(2)
/// and no server. No fsync, because the server's write path (StagingFile, ObjectStore.commit)
/// does not fsync either; both sides end in the page cache.
enum DiskBaseline {
    /// Copies `source` to `destination` in `chunkSize` chunks; returns the seconds taken.
    static func copy(from source: String, to destination: String, chunkSize: Int = 1 << 20) throws -> Double {
        let start = ContinuousClock.now
        let input = try OpenFile(path: source, flags: O_RDONLY)
        let output = try OpenFile(path: destination, flags: O_WRONLY | O_CREAT | O_TRUNC)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 4096)
        defer { buffer.deallocate() }
        while true {
            let count = try input.readFully(into: buffer, count: chunkSize)
            if count == 0 { break }
            try output.writeAll(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return (ContinuousClock.now - start).seconds
    }

    /// Writes a file of `size` bytes of pseudo-random data (each MiB different), in MiB chunks.
    static func makeFile(at path: String, size: Int) throws {
        let output = try OpenFile(path: path, flags: O_WRONLY | O_CREAT | O_TRUNC)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var generator = SystemRandomNumberGenerator()
        for index in chunk.indices { chunk[index] = UInt8.random(in: 0...255, using: &generator) }
        var written = 0
        var counter: UInt64 = 0
        while written < size {
            withUnsafeBytes(of: counter) { bytes in
                for index in 0..<8 { chunk[index] = bytes[index] }
            }
            counter += 1
            let count = min(chunk.count, size - written)
            try chunk.withUnsafeBytes { try output.writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            written += count
        }
    }

    /// True if the two files have the same bytes.
    static func same(_ first: String, _ second: String) throws -> Bool {
        let a = try OpenFile(path: first, flags: O_RDONLY)
        let b = try OpenFile(path: second, flags: O_RDONLY)
        let size = 1 << 20
        let left = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096)
        let right = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096)
        defer { left.deallocate(); right.deallocate() }
        while true {
            let countA = try a.readFully(into: left, count: size)
            let countB = try b.readFully(into: right, count: size)
            guard countA == countB else { return false }
            if countA == 0 { return true }
            guard let baseA = left.baseAddress, let baseB = right.baseAddress, memcmp(baseA, baseB, countA) == 0 else { return false }
        }
    }

    /// Writes `count` files of `body(i)` into `directory` (create, write, close each); returns seconds.
    static func writeSmallFiles(in directory: URL, count: Int, body: (Int) -> [UInt8]) throws -> Double {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bodies = (0..<count).map(body)
        let start = ContinuousClock.now
        for index in 0..<count {
            let file = try OpenFile(path: directory.appendingPathComponent(SmallObjectMeasurement.fileName(index)).path,
                                    flags: O_WRONLY | O_CREAT | O_TRUNC)
            try bodies[index].withUnsafeBytes { try file.writeAll($0) }
        }
        return (ContinuousClock.now - start).seconds
    }

    /// Reads back the files `writeSmallFiles` made; returns seconds (and fails on a wrong size).
    static func readSmallFiles(in directory: URL, count: Int, size: Int) throws -> Double {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size + 1, alignment: 16)
        defer { buffer.deallocate() }
        let start = ContinuousClock.now
        for index in 0..<count {
            let file = try OpenFile(path: directory.appendingPathComponent(SmallObjectMeasurement.fileName(index)).path, flags: O_RDONLY)
            guard try file.readFully(into: buffer, count: size + 1) == size else { throw BenchError("short small file \(index)") }
        }
        return (ContinuousClock.now - start).seconds
    }
}
