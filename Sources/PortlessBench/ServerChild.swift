import Foundation
import Glibc
import PortlessClient

/// The real `portless server` as a child process on 127.0.0.1, in its own temporary data directory,
/// so its memory and CPU can be read from /proc apart from the bench's.
final class ServerChild: Sendable {
    let url: String
    let pid: Int32
    let directory: URL
    let client: SSMClient
    private let process: Process

    /// Starts `binary server --data-dir DIR/data --listen 127.0.0.1:0` and waits for its "listening on" line.
    init(binary: String, directory: URL, logLevel: String) async throws {
        self.directory = directory
        let data = directory.appendingPathComponent("data")
        let stdoutFile = directory.appendingPathComponent("server.out")
        let stderrFile = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["server", "--data-dir", data.path, "--listen", "127.0.0.1:0", "--log-level", logLevel]
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.pid = process.processIdentifier
        do {
            url = try await Self.waitForURL(in: stdoutFile, process: process, timeout: .seconds(60))
            let configuration = try ClientConfiguration.resolve(endpoint: url, environment: [
                "AWS_SHARED_CREDENTIALS_FILE": data.appendingPathComponent("credentials").path,
                "AWS_DEFAULT_REGION": "us-east-1",
            ])
            client = SSMClient(configuration: configuration)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
    }

    var channelURL: String { url.replacingOccurrences(of: "http://", with: "ws://") + "/agent/v1/channel" }
    var isRunning: Bool { process.isRunning }

    /// SIGTERM, then SIGKILL after `timeout`; returns the exit status.
    @discardableResult
    func stop(timeout: Duration = .seconds(20)) async -> Int32 {
        if process.isRunning { kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    private static func waitForURL(in file: URL, process: Process, timeout: Duration) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        let marker = "listening on "
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains(marker) }),
               let range = line.range(of: marker) {
                return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
            guard process.isRunning else { throw BenchError("server exited (\(process.terminationStatus)) before listening; output: \(text)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("server did not print '\(marker)' within \(timeout)")
    }
}
