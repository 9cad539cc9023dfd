import Crypto
import Foundation
import Logging
import PortlessCore
import WSClient

/// One simulated node: a real Ed25519 key and a real WebSocket control channel, speaking the agent
/// protocol, but answering each `run` at once (`started`, then a Success `result`) instead of
/// running a shell.
struct SimulatedAgent: Sendable {
    static let heartbeatInterval: Duration = .seconds(5)

    let index: Int
    let key: Curve25519.Signing.PrivateKey

    init(index: Int, key: Curve25519.Signing.PrivateKey = Curve25519.Signing.PrivateKey()) {
        self.index = index
        self.key = key
    }

    var info: NodeInfo {
        NodeInfo(hostname: "bench-\(index)", ipAddress: "127.0.0.1", platformType: "Linux",
                 platformName: "PortlessBench", platformVersion: "1", agentVersion: "bench")
    }

    static func configuration(autoPing: Bool) -> WebSocketClientConfiguration {
        WebSocketClientConfiguration(maxFrameSize: 1 << 20, autoPing: autoPing ? .enabled(timePeriod: .seconds(15)) : .disabled)
    }

    /// First run: answers the challenge with `register` and returns the node ID the server gives.
    func register(url: String, activationId: String, activationCode: String, logger: Logger) async throws -> String {
        let request = RegistrationRequest(activationId: activationId, activationCode: activationCode,
                                          publicKey: key.publicKey.rawRepresentation.base64EncodedString(), info: info)
        let reply = ReplyBox()
        try await WebSocketClient.connect(url: url, configuration: Self.configuration(autoPing: false), logger: logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            guard case .text(let text)? = try await messages.next(), (try? AgentMessage.decode(text))?.type == .challenge else {
                throw BenchError("agent \(index): no challenge")
            }
            try await outbound.write(.text(try AgentMessage(type: .register, registration: request).encoded()))
            if case .text(let answer)? = try await messages.next() { reply.set(try? AgentMessage.decode(answer)) }
        }
        guard let answer = reply.value, answer.type == .registered, let instanceId = answer.instanceId else {
            throw BenchError("agent \(index): registration refused: \(reply.value?.errorCode ?? "no answer") \(reply.value?.errorMessage ?? "")")
        }
        return instanceId
    }

    /// Holds the control channel until the server closes it. `onLogin` runs once the server
    /// welcomed the agent (or the login failed), so the caller can let the next one connect.
    func runChannel(url: String, instanceId: String, tracker: FleetTracker, uploader: ScanUploader? = nil, logger: Logger,
                    onLogin: @escaping @Sendable () async -> Void) async {
        let loginReported = ReplyBox()
        do {
            try await WebSocketClient.connect(url: url, configuration: Self.configuration(autoPing: true), logger: logger) { inbound, outbound, _ in
                var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                guard case .text(let text)? = try await messages.next(), let challenge = try? AgentMessage.decode(text),
                      challenge.type == .challenge, let nonce = challenge.nonce else {
                    throw BenchError("agent \(index): no challenge")
                }
                let signature = try key.signature(for: LoginProof.message(nonce: nonce, instanceId: instanceId))
                let login = AgentMessage(type: .login, instanceId: instanceId, signature: signature.base64EncodedString(), info: info)
                try await outbound.write(.text(try login.encoded()))
                guard case .text(let welcomeText)? = try await messages.next(),
                      (try? AgentMessage.decode(welcomeText))?.type == .welcome else {
                    throw BenchError("agent \(index): login refused")
                }
                tracker.loggedIn()
                loginReported.set(AgentMessage(type: .welcome))
                await onLogin()
                try await AgentSession(index: index, instanceId: instanceId, tracker: tracker, outbound: outbound, uploader: uploader)
                    .serve(&messages)
            }
        } catch {
            tracker.failed("agent \(index): \(error)")
        }
        if loginReported.value == nil { await onLogin() }
        tracker.channelClosed()
    }
}
