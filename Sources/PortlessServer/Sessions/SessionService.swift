import Crypto
import Foundation
import Logging
import PortlessCore

/// Session Manager: starts sessions on connected nodes (StartSession), issues and checks stream tokens,
/// resumes, terminates and lists them, and keeps their records. The relay itself is `LiveSession`.
struct SessionService: Sendable {
    /// A stream token opens the data channel once, within this long of being issued.
    static let tokenLifetime: TimeInterval = 60
    /// Sessions' transcripts live in this bucket of their account.
    static func transcriptBucket(accountId: String) -> String { "portless-session-transcripts-\(accountId)" }

    let store: any Store & SessionStore
    let connections: AgentConnections
    let live: LiveSessions
    let documents: SessionDocumentResolver
    let runAs: SessionRunAs
    let transcripts: SessionTranscripts
    let logDelivery: SessionLogDelivery
    let events: EventBus
    let endpoint: ServerEndpoint
    let region: String
    let clock: SessionClock
    let logger: Logger

    /// What StartSession and ResumeSession answer.
    struct Opened: Sendable {
        var sessionId: String
        var tokenValue: String?
        var streamUrl: String?
    }

    /// StartSession: a new session on `target` by `principal` (already authorized on the node and the document).
    func start(target: String, documentName: String?, parameters: [String: [String]], reason: String?, principal: Principal,
               facts: CallFacts) async throws -> Opened {
        try SessionValidation.target(target)
        if let reason { try SessionValidation.reason(reason) }
        guard let node = try await store.node(id: target), node.accountId == principal.accountId, await connections.isConnected(target) else {
            throw PortlessError.Sessions.targetNotConnected(target)
        }
        let plan = try await documents.plan(accountId: principal.accountId, documentName: documentName, parameters: parameters)
        let user = plan.sessionType == .port ? nil : try await runAs.user(for: principal, preferences: plan.preferences)
        let sessionId = Identifiers.sessionID(userName: principal.userName)
        let token = Self.randomToken()
        let now = Date()
        var record = SessionRecord(sessionId: sessionId, accountId: principal.accountId, target: target, owner: principal.arn, status: .connecting,
                                   startDate: now, documentName: plan.documentName, reason: reason,
                                   maxSessionDuration: plan.preferences.maxSessionDuration.map { String($0.components.seconds / 60) },
                                   mode: Self.mode(of: plan), runAsUser: user, tokenDigest: Self.digest(token),
                                   tokenExpiresAt: now.addingTimeInterval(Self.tokenLifetime))
        var recorder: SessionRecorder?
        if record.mode != .port {
            let started = try await transcripts.start(sessionId: sessionId, target: target, preferences: plan.preferences, principal: principal,
                                                      facts: facts, startedAt: now)
            record.recording = started.recording
            recorder = started.recorder
        }
        try await store.insertSession(record)
        let order = SessionOrder(sessionId: sessionId, legToken: Self.randomToken(), mode: record.mode, runAsUser: user,
                                 shellProfile: record.mode == .shell ? plan.preferences.shellProfile : nil, command: plan.command,
                                 host: plan.host, port: plan.port, multiplexed: plan.multiplexed, columns: 80, rows: 24)
        let session = LiveSession(record: record, plan: plan, legToken: order.legToken, hooks: hooks(preferences: plan.preferences), recorder: recorder, clock: clock,
                                  logger: logger)
        await live.add(session)
        guard await connections.send(AgentMessage(type: .openSession, session: order), to: target) else {
            await session.end(status: .failed, details: "The node disconnected.")
            throw PortlessError.Sessions.targetNotConnected(target)
        }
        await events.publish(SessionEvents.stateChanged(record, region: region, at: now))
        logger.info("session started", metadata: ["portless.session": "\(sessionId)", "portless.node": "\(target)",
                                                  "portless.document": "\(plan.documentName)"])
        return Opened(sessionId: sessionId, tokenValue: token, streamUrl: streamURL(sessionId))
    }

    /// ResumeSession: a new stream token for a session of the caller's account that is still running; a session
    /// that has ended gets no token (the plugin then reports it timed out).
    func resume(sessionId: String, principal: Principal) async throws -> Opened {
        guard var record = try await store.session(id: sessionId), record.accountId == principal.accountId else {
            throw PortlessError.Sessions.doesNotExist(sessionId)
        }
        guard record.status.isActive, let session = await live.session(sessionId), await !session.ended else {
            return Opened(sessionId: sessionId)
        }
        let token = Self.randomToken()
        record = await session.record
        record.tokenDigest = Self.digest(token)
        record.tokenExpiresAt = Date().addingTimeInterval(Self.tokenLifetime)
        record.tokenUsed = false
        try await store.updateSession(record)
        return Opened(sessionId: sessionId, tokenValue: token, streamUrl: streamURL(sessionId))
    }

    /// TerminateSession: ends a running session of the caller's account; answers the ID whatever its state.
    func terminate(sessionId: String, principal: Principal) async throws -> String {
        try SessionValidation.sessionIdField(sessionId)
        if let record = try await store.session(id: sessionId), record.accountId == principal.accountId,
           let session = await live.session(sessionId) {
            let by = record.owner == principal.arn ? nil : "Terminated by \(principal.arn)."
            await session.end(status: .terminated, details: by)
        }
        return sessionId
    }

    /// The asciicast transcript of a session of the caller's account (the caller was authorized on the session).
    func transcript(sessionId: String, principal: Principal) async throws -> Data {
        try SessionValidation.sessionIdField(sessionId)
        guard let record = try await store.session(id: sessionId), record.accountId == principal.accountId else {
            throw PortlessError.Sessions.doesNotExist(sessionId)
        }
        return try await transcripts.transcript(of: record)
    }

    /// DescribeSessions.
    func describe(accountId: String, query: SessionQuery) async throws -> [SessionRecord] {
        try await store.sessions(accountId: accountId, matching: query)
    }

    /// GetConnectionStatus: whether `target`'s agent is connected.
    func connectionStatus(target: String, principal: Principal) async throws -> Bool {
        try SessionValidation.target(target)
        guard let node = try await store.node(id: target), node.accountId == principal.accountId else { return false }
        return await connections.isConnected(target)
    }

    /// The live session a client may open with `token`: the session's current token, unused and unexpired. A
    /// token is spent by opening.
    func openDataChannel(sessionId: String, token: String) async -> LiveSession? {
        guard let session = await live.session(sessionId), var record = try? await store.session(id: sessionId),
              !record.tokenUsed, record.tokenExpiresAt > Date(), ConstantTime.equals(record.tokenDigest, Self.digest(token)) else {
            return nil
        }
        record.tokenUsed = true
        guard (try? await store.updateSession(record)) == true else { return nil }
        return session
    }

    /// The live session an agent's leg belongs to, when its hello names the session's node and leg token.
    func openAgentLeg(_ hello: SessionLegHello) async -> LiveSession? {
        guard let session = await live.session(hello.sessionId), await session.record.target == hello.instanceId,
              ConstantTime.equals(session.legToken, hello.token) else { return nil }
        return session
    }

    /// Every live session's periodic work (resends, transcript flushes, timeouts); ended sessions are dropped.
    func tick() async {
        for session in await live.all {
            await session.tick()
            if await session.ended { await live.remove(session.sessionId) }
        }
    }

    /// At start: sessions a previous run left active ended with it.
    func endInterrupted() async throws {
        for var record in try await store.activeSessions() {
            record.status = .terminated
            record.endDate = record.endDate ?? Date()
            record.details = "The server restarted during the session."
            try await store.updateSession(record)
        }
    }

    private func hooks(preferences: SessionPreferences) -> LiveSessionHooks {
        let store = self.store, events = self.events, region = self.region, connections = self.connections, logger = self.logger
        let logDelivery = self.logDelivery
        return LiveSessionHooks(
            changed: { record in
                var stored = record
                if let current = try? await store.session(id: record.sessionId) {
                    stored.tokenDigest = current.tokenDigest
                    stored.tokenExpiresAt = current.tokenExpiresAt
                    stored.tokenUsed = current.tokenUsed
                }
                do { try await store.updateSession(stored) } catch {
                    logger.error("could not store a session", metadata: ["portless.session": "\(record.sessionId)", "error": "\(error)"])
                }
                await events.publish(SessionEvents.stateChanged(stored, region: region, at: Date()))
            },
            commandLine: { line, record in
                await events.publish(SessionEvents.commandLine(line, session: record, region: region, at: Date()))
            },
            stopAgent: { record in
                await connections.send(AgentMessage(type: .terminateSession, sessionId: record.sessionId), to: record.target)
            },
            ended: { record in await logDelivery.deliver(record, preferences: preferences) })
    }

    private func streamURL(_ sessionId: String) -> String {
        let base = endpoint.value
        let scheme = base.hasPrefix("https://") ? "wss://" : "ws://"
        let host = base.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        return "\(scheme)\(host)\(DataChannelEndpoint.pathPrefix)\(sessionId)?role=publish_subscribe"
    }

    static func mode(of plan: SessionPlan) -> SessionOrder.Mode {
        switch plan.sessionType {
        case .standardStream: .shell
        case .interactiveCommands: .interactiveCommand
        case .nonInteractiveCommands: .nonInteractiveCommand
        case .port: .port
        }
    }

    static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
