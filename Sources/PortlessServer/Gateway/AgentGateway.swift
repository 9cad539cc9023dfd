import Crypto
import Foundation
import Logging
import NIOCore
import NIOWebSocket
import PortlessCore
import WSCore

/// Serves agents' control channels: challenge-signed login, heartbeats both ways, work pushed down
/// and results acknowledged up. One `serve` call runs for the life of one WebSocket. Every registration and login, accepted
/// or refused, is recorded in the audit trail before the agent is answered.
struct AgentGateway: Sendable {
    static let heartbeatInterval: Duration = .seconds(10)
    /// A channel silent this long is taken as dead and closed.
    static let silenceLimit: TimeInterval = 25
    /// Heartbeats carry nothing but their type, so one encoding serves every channel.
    static let heartbeatFrame = AgentMessage(type: .heartbeat, id: "heartbeat").frame
    static let loginTimeout: Duration = .seconds(10)
    static let maxMessageSize = 8 << 20

    let store: any Store
    let connections: AgentConnections
    let commands: CommandService
    let activations: ActivationService
    /// PEM of the CA agents pin (`--tls auto`), sent with every challenge.
    let nodeIdentity: NodeIdentity
    let caCertificate: String?
    /// The server's region, which scripts see as `AWS_SSM_REGION_NAME`.
    let region: String
    /// The credentials of each node's role session, for the scripts it runs.
    let nodeCredentials: NodeCredentials
    let logger: Logger
    let audit: AuditTrail
    /// Told of every node that registers (State Manager runs matching associations on it).
    var nodeRegistered: @Sendable (NodeRecord) async -> Void = { _ in }
    /// Told of every node that registers, connects or disconnects (the event bus).
    var nodeStateChanged: @Sendable (NodeRecord, NodeEvents.State) async -> Void = { _, _ in }

    /// Serves one agent's channel; `sourceIp` is the address it connected from.
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, sourceIp: String?) async throws {
        var messages = inbound.messages(maxSize: Self.maxMessageSize).makeAsyncIterator()
        let nonce = Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
        try await outbound.write(.text(try AgentMessage(type: .challenge, nonce: nonce, caCertificate: caCertificate).encoded()))
        guard case .text(let text)? = try await messages.next(), let first = try? AgentMessage.decode(text) else {
            try await outbound.close(.policyViolation, reason: "expected login or register")
            return
        }
        if first.type == .register {
            try await register(first.registration, outbound: outbound, sourceIp: sourceIp)
            return
        }
        guard let node = try await login(first, nonce: nonce) else {
            let refusal = PortlessError(.accessDenied, "Login refused: unknown node or bad signature.")
            try await auditLogin(instanceId: first.instanceId, principal: nil, failure: refusal, sourceIp: sourceIp)
            try await refuse(refusal, outbound: outbound)
            return
        }
        let session = try? await nodeIdentity.principal(of: node)
        do {
            try await nodeIdentity.authorizeLogin(node)
        } catch let error as PortlessError {
            logger.warning("agent login denied by policy", metadata: ["portless.node": "\(node.instanceId)", "portless.error": "\(error.message)"])
            try await auditLogin(instanceId: node.instanceId, principal: session, failure: error, sourceIp: sourceIp)
            try await refuse(error, outbound: outbound)
            return
        }
        try await auditLogin(instanceId: node.instanceId, principal: session, failure: nil, sourceIp: sourceIp)
        let instanceId = node.instanceId
        let logger = self.logger.with(node: instanceId)

        let (outbox, continuation) = AsyncStream<String>.makeStream()
        let connectionId = await connections.attach(instanceId: instanceId, outbox: continuation)
        await connections.touch(instanceId)
        try await store.updateNode(node)
        await nodeStateChanged(node, .online)
        logger.info("agent connected")
        continuation.yield(AgentMessage(type: .welcome, instanceId: instanceId, region: region).frame)
        await sendCredentials(for: node, to: continuation, logger: logger)
        try await commands.deliverOpenInvocations(to: instanceId)

        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in outbox {
                    do { try await outbound.write(.text(frame)) } catch { break }
                }
                try? await outbound.close(.normalClosure, reason: "server closing channel")
            }
            group.addTask {
                var credentialsSent = Date()
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.heartbeatInterval)
                    if Date().timeIntervalSince(credentialsSent) > NodeCredentials.refreshAfter {
                        await sendCredentials(for: node, to: continuation, logger: logger)
                        credentialsSent = Date()
                    }
                    let lastSeen = await connections.lastSeen(instanceId) ?? .distantPast
                    if Date().timeIntervalSince(lastSeen) > Self.silenceLimit {
                        logger.warning("agent silent too long; closing channel")
                        continuation.finish()
                        return
                    }
                    continuation.yield(Self.heartbeatFrame)
                }
            }
            do {
                while let message = try await messages.next() {
                    guard case .text(let text) = message else { continue }
                    await connections.touch(instanceId)
                    try await handle(text, from: instanceId, reply: continuation, logger: logger)
                }
            } catch {
                logger.debug("agent channel read ended", metadata: ["error": "\(error)"])
            }
            continuation.finish()
            group.cancelAll()
        }

        if await connections.detach(instanceId: instanceId, connectionId: connectionId),
           var current = try await store.node(id: instanceId) {
            current.online = false
            current.lastPingDateTime = await connections.lastSeen(instanceId) ?? Date()
            try await store.updateNode(current)
            await nodeStateChanged(current, .offline)
        }
        logger.info("agent disconnected")
    }

    /// Sends the node its role session's credentials (the role may have been deleted: then none).
    private func sendCredentials(for node: NodeRecord, to outbox: AsyncStream<String>.Continuation, logger: Logger) async {
        do {
            guard let credentials = try await nodeCredentials.issue(for: node) else { return }
            outbox.yield(AgentMessage(type: .credentials, credentials: credentials).frame)
        } catch {
            logger.warning("could not issue role credentials", metadata: ["error": "\(error)"])
        }
    }

    /// First run: registers the node with its activation, answers `registered` or `error`, and closes.
    private func register(_ registration: RegistrationRequest?, outbound: WebSocketOutboundWriter, sourceIp: String?) async throws {
        do {
            guard let registration else {
                throw PortlessError(.validation, "A register message needs its registration.", field: "registration")
            }
            let node: NodeRecord
            do {
                node = try await activations.register(registration)
            } catch let error as PortlessError {
                try await auditRegistration(registration, node: nil, failure: error, sourceIp: sourceIp)
                throw error
            }
            try await auditRegistration(registration, node: node, failure: nil, sourceIp: sourceIp)
            logger.info("node registered", metadata: ["portless.node": "\(node.instanceId)", "portless.activation": "\(node.activationId)"])
            await nodeRegistered(node)
            await nodeStateChanged(node, .registered)
            try await outbound.write(.text(try AgentMessage(type: .registered, instanceId: node.instanceId).encoded()))
            try await outbound.close(.normalClosure, reason: "registered")
        } catch let error as PortlessError {
            logger.warning("registration refused", metadata: ["portless.error": "\(error.code)"])
            try await refuse(error, outbound: outbound)
        }
    }

    private func refuse(_ error: PortlessError, outbound: WebSocketOutboundWriter) async throws {
        let message = AgentMessage(type: .error, errorCode: error.code.rawValue, errorMessage: error.message)
        try await outbound.write(.text(try message.encoded()))
        try await outbound.close(.policyViolation, reason: error.code.rawValue)
    }

    /// Checks a login message's signature over the challenge; nil when refused.
    private func login(_ message: AgentMessage, nonce: String) async throws -> NodeRecord? {
        guard message.type == .login,
              let instanceId = message.instanceId, Identifiers.isNodeID(instanceId),
              let signature = message.signature.flatMap({ Data(base64Encoded: $0) }),
              var node = try await store.node(id: instanceId),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: node.publicKey),
              key.isValidSignature(signature, for: LoginProof.message(nonce: nonce, instanceId: instanceId))
        else {
            logger.warning("agent login refused")
            return nil
        }
        if let info = message.info { node.info = info }
        node.online = true
        node.lastPingDateTime = Date()
        return node
    }

    private func handle(_ text: String, from instanceId: String, reply: AsyncStream<String>.Continuation,
                        logger: Logger) async throws {
        guard let message = try? AgentMessage.decode(text) else {
            logger.warning("unreadable agent message ignored")
            return
        }
        switch message.type {
        case .started:
            if let commandId = message.commandId {
                try await commands.recordStarted(commandId: commandId, instanceId: instanceId, at: message.sentAt ?? Date())
            }
            reply.yield(AgentMessage(type: .ack, ackId: message.id).frame)
        case .result:
            if let report = message.report {
                try await commands.recordReport(report, instanceId: instanceId)
                logger.info("invocation reported", metadata: ["portless.command": "\(report.commandId)", "portless.status": "\(report.status.rawValue)"])
            }
            reply.yield(AgentMessage(type: .ack, ackId: message.id).frame)
        case .heartbeat, .ack:
            break
        case .challenge, .login, .welcome, .run, .cancel, .register, .registered, .error, .credentials, .openSession, .terminateSession:
            logger.warning("unexpected agent message ignored", metadata: ["portless.type": "\(message.type.rawValue)"])
        }
    }
}

extension Logger {
    /// A copy carrying the node ID as `portless.node` metadata.
    func with(node instanceId: String) -> Logger {
        var logger = self
        logger[metadataKey: "portless.node"] = "\(instanceId)"
        return logger
    }
}

extension AgentMessage {
    /// The message as one JSON text frame (encoding these value types cannot fail).
    var frame: String { (try? encoded()) ?? "{}" }
}
