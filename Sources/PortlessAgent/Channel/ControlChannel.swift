import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOWebSocket
import NIOSSL
import PortlessCore
import WSClient

/// One control-channel session: dial out, answer the challenge, then exchange messages until the
/// channel closes. Heartbeats go both ways; a server silent too long is taken as gone.
struct ControlChannel: Sendable {
    static let heartbeatInterval: Duration = .seconds(10)
    static let silenceLimit: TimeInterval = 25
    static let maxMessageSize = 8 << 20

    let url: String
    let tls: TLSConfiguration?
    let identity: AgentIdentity
    let info: NodeInfo
    let hub: AgentHub
    let sessions: SessionHub
    let logger: Logger
    let onConnected: @Sendable (String) -> Void

    /// Runs one connection to its end; returns whether the login was accepted.
    func run() async throws -> Bool {
        let accepted = Flag()
        let configuration = AgentTLS.webSocketConfiguration(for: url, autoPing: true)
        try await WebSocketClient.connect(url: url, configuration: configuration, tlsConfiguration: tls, logger: logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: Self.maxMessageSize).makeAsyncIterator()
            guard case .text(let challengeText)? = try await messages.next(),
                  let challenge = try? AgentMessage.decode(challengeText), challenge.type == .challenge, let nonce = challenge.nonce else {
                throw ClientFailure("server did not send a login challenge")
            }
            let signature = try identity.sign(LoginProof.message(nonce: nonce, instanceId: identity.instanceId))
            let login = AgentMessage(type: .login, instanceId: identity.instanceId, signature: signature.base64EncodedString(), info: info)
            try await outbound.write(.text(try login.encoded()))
            guard case .text(let welcomeText)? = try await messages.next(),
                  let welcome = try? AgentMessage.decode(welcomeText), welcome.type == .welcome else {
                throw ClientFailure("login refused by server")
            }
            accepted.set()
            await hub.serve(region: welcome.region)
            onConnected(identity.instanceId)

            let (outbox, continuation) = AsyncStream<AgentMessage>.makeStream()
            let lastHeard = LastHeard()
            await hub.attach(continuation)
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await message in outbox {
                        guard let text = try? message.encoded() else { continue }
                        do { try await outbound.write(.text(text)) } catch { break }
                    }
                    try? await outbound.close(.normalClosure, reason: "agent closing channel")
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: Self.heartbeatInterval)
                        if lastHeard.secondsAgo > Self.silenceLimit {
                            logger.warning("server silent too long; reconnecting")
                            continuation.finish()
                            return
                        }
                        continuation.yield(AgentMessage(type: .heartbeat, sentAt: Date()))
                    }
                }
                do {
                    while let message = try await messages.next() {
                        lastHeard.touch()
                        guard case .text(let text) = message, let decoded = try? AgentMessage.decode(text) else { continue }
                        await handle(decoded)
                    }
                } catch {
                    logger.debug("control channel read ended", metadata: ["error": "\(error)"])
                }
                await hub.detach()
                continuation.finish()
                group.cancelAll()
            }
        }
        return accepted.isSet
    }

    private func handle(_ message: AgentMessage) async {
        switch message.type {
        case .run:
            guard let order = message.order else { return }
            do {
                try await hub.receive(order)
            } catch {
                logger.error("could not start invocation", metadata: ["portless.command": "\(order.commandId)", "error": "\(error)"])
            }
        case .cancel:
            if let commandId = message.commandId { await hub.cancel(commandId) }
        case .ack:
            if let ackId = message.ackId { await hub.acknowledged(ackId) }
        case .credentials:
            if let credentials = message.credentials { await hub.serve(credentials: credentials) }
        case .openSession:
            if let order = message.session { await sessions.open(order) }
        case .terminateSession:
            if let sessionId = message.sessionId { await sessions.terminate(sessionId) }
        case .heartbeat, .welcome, .challenge, .login, .started, .result, .register, .registered, .error:
            break
        }
    }
}

/// A failure of the control channel that ends this connection attempt.
struct ClientFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
