import Foundation
import Logging
import PortlessClient
import PortlessCore

/// A port forward: listens on 127.0.0.1:LOCAL before the session starts (a busy port fails at
/// once), then carries every connection over the session until Ctrl-C.
struct ForwardSession {
    let api: SSMClient
    let logger: Logger

    /// Runs the forward to its end; returns the exit status (0 after Ctrl-C).
    func run(node: String, spec: PortForwardSpec, reason: String?) async throws -> Int32 {
        let listener: PortForwarder.Listener
        do {
            listener = try await PortForwarder.listen(port: spec.localPort)
        } catch {
            throw ClientError.configuration("Cannot listen on 127.0.0.1:\(spec.localPort): \(error)")
        }
        let stream = try await api.startSession(SessionRequest.forward(target: node, spec, reason: reason))
        let out = DescriptorIO.standardOutput
        try await out.line("\nStarting session with SessionId: \(stream.sessionId)")
        let channel = DataChannelClient(stream: stream, api: api, logger: logger)
        let forwarder = PortForwarder(channel: channel, logger: logger)
        signal(SIGPIPE, SIG_IGN)
        let outcome = try await SessionDriver(api: api, channel: channel, logger: logger).run(
            onOutput: { output in
                switch output {
                case .stdout(let bytes): try await forwarder.receive(bytes)
                case .stderr(let bytes): try await DescriptorIO.standardError.write(bytes)
                case .flag(.connectToPortError): try await DescriptorIO.standardError.line("Connection to destination port failed, check SSM Agent logs.")
                case .flag: break
                }
            },
            local: { _ in
                try await out.line("Port \(spec.localPort) opened for sessionId \(stream.sessionId).")
                try await out.line("Waiting for connections...")
                try await forwarder.serve(listener)
                return nil
            })
        await forwarder.finish()
        if let line = outcome.closingLine(sessionId: stream.sessionId, verbose: true) { try? await out.line("\n" + line + "\n") }
        return outcome.exitStatus(interruptIsSuccess: true)
    }
}
