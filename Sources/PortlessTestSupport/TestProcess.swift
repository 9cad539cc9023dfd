public import Foundation
import Synchronization

/// A child process started by a test, with its stdout collected line by line.
public final class TestProcess: Sendable {
    private let process: Process
    private let collector = LineCollector()

    /// Starts `executable` with `arguments`; stderr goes to `stderrFile` when given.
    public init(executable: String, arguments: [String], environment: [String: String]? = nil, stderrFile: URL? = nil) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        if let stderrFile {
            FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderrFile)
        }
        pipe.fileHandleForReading.readabilityHandler = { [collector] handle in
            collector.append(handle.availableData)
        }
        try process.run()
    }

    /// Every complete line printed so far.
    public var lines: [String] { collector.lines }

    /// Waits until a line containing `text` is printed; returns it.
    public func waitForLine(containing text: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = lines.first(where: { $0.contains(text) }) { return line }
            if !process.isRunning, let line = lines.first(where: { $0.contains(text) }) { return line }
            if !process.isRunning { throw TestSupportError("process exited (\(process.terminationStatus)) before printing '\(text)'; output: \(lines)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestSupportError("timed out waiting for '\(text)'; output so far: \(lines)")
    }

    public var isRunning: Bool { process.isRunning }
    public var pid: Int32 { process.processIdentifier }

    /// Waits up to `timeout` for the process to exit by itself; its status, or nil if it still runs.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Sends `signal` (SIGTERM by default), waits for the process to exit (killing it after
    /// `timeout`), and returns its status.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM, timeout: Duration = .seconds(20)) async -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        if let status = await waitForExit(timeout: timeout) { return status }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A fixture failure, with what was seen.
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Splits a byte stream into lines as it arrives.
final class LineCollector: Sendable {
    private let state = Mutex<(lines: [String], partial: String)>(([], ""))

    func append(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        state.withLock { state in
            state.partial += text
            while let newline = state.partial.firstIndex(of: "\n") {
                state.lines.append(String(state.partial[..<newline]))
                state.partial = String(state.partial[state.partial.index(after: newline)...])
            }
        }
    }

    var lines: [String] { state.withLock { $0.lines } }
}
