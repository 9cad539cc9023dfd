import Foundation
import Logging
import PortlessClient
import PortlessCore

/// One command without a terminal (AWS-StartNonInteractiveCommand): stdin to the command, its stdout
/// to stdout, its stderr to stderr, its exit code as the exit status. Nothing else is printed on
/// stdout. The data channel has no end of input: when stdin ends, the command's stdin stays open.
struct CommandSession {
    let api: SSMClient
    let logger: Logger

    /// Runs the command to its end; returns the exit status.
    func run(_ request: JSONValue) async throws -> Int32 {
        let stream = try await api.startSession(request)
        let channel = DataChannelClient(stream: stream, api: api, logger: logger)
        signal(SIGPIPE, SIG_IGN)
        let outcome = try await SessionDriver(api: api, channel: channel, logger: logger).run(
            onOutput: { output in
                switch output {
                case .stdout(let bytes): try await DescriptorIO.standardOutput.write(bytes)
                case .stderr(let bytes): try await DescriptorIO.standardError.write(bytes)
                case .flag: break
                }
            },
            local: { _ in
                while let chunk = try await DescriptorIO.standardInput.read() {
                    try await channel.send(chunk)
                }
                return nil
            })
        if let line = outcome.closingLine(sessionId: stream.sessionId, verbose: false) { try? await DescriptorIO.standardError.line(line) }
        return outcome.exitStatus()
    }
}
