import Foundation
import Logging
import PortlessClient
import PortlessCore

/// OpenSSH's `ProxyCommand` (AWS-StartSSHSession): stdin's bytes to PORT on the node, its bytes to
/// stdout, and nothing else on stdout. The end of stdin (ssh is done) ends the session.
struct SSHProxySession {
    let api: SSMClient
    let logger: Logger

    /// Runs the proxy to its end; returns the exit status.
    func run(node: String, port: Int) async throws -> Int32 {
        let stream = try await api.startSession(SessionRequest.sshProxy(target: node, port: port))
        let channel = DataChannelClient(stream: stream, api: api, logger: logger)
        signal(SIGPIPE, SIG_IGN)
        let outcome = try await SessionDriver(api: api, channel: channel, logger: logger).run(
            onOutput: { output in
                switch output {
                case .stdout(let bytes): try await DescriptorIO.standardOutput.write(bytes)
                case .stderr(let bytes): try await DescriptorIO.standardError.write(bytes)
                case .flag(.connectToPortError): try await DescriptorIO.standardError.line("Connection to destination port failed, check SSM Agent logs.")
                case .flag: break
                }
            },
            local: { _ in
                while let chunk = try await DescriptorIO.standardInput.read() {
                    try await channel.send(chunk)
                }
                try await channel.waitUntilAcknowledged()
                return .localEnd
            })
        if let line = outcome.closingLine(sessionId: stream.sessionId, verbose: false) { try? await DescriptorIO.standardError.line(line) }
        return outcome.exitStatus()
    }
}
