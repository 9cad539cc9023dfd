import Foundation
import Glibc

/// A client program the session bench runs (`portless session …`, `ssh …`) with its stdin and stdout as pipes.
final class BenchChild: @unchecked Sendable {
    let process = Process()
    let stdin = Pipe()
    let stdout = Pipe()
    private let stderrFile: URL

    init(_ executable: String, _ arguments: [String], environment: [String: String], stderrTo file: URL) throws {
        stderrFile = file
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: file)
        try process.run()
    }

    /// Reads stdout to its end; returns the bytes read.
    func drain() -> Int {
        let fd = stdout.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return total }
            total += n
        }
    }

    /// Writes one byte and waits until one byte comes back; returns the round trip in milliseconds.
    func echo(_ byte: UInt8) throws -> Double {
        var out = byte
        let start = ContinuousClock.now
        guard write(stdin.fileHandleForWriting.fileDescriptor, &out, 1) == 1 else { throw BenchError("write to client failed") }
        var back: UInt8 = 0
        guard read(stdout.fileHandleForReading.fileDescriptor, &back, 1) == 1 else { throw BenchError("client closed: \(errors)") }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    }

    var errors: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
