import Crypto
import Foundation
import Logging
import NIOCore
import NIOWebSocket
import PortlessCore
import WSCore

/// One running session: the relay between the client's data channel and the agent's session leg. It
/// numbers and keeps output until the client acknowledges it (so a dropped client resumes without loss),
/// delivers input in order once, and applies backpressure both ways: output waits while `window` messages
/// or `windowBytes` bytes are unacknowledged; input beyond `inputLimit` queued messages is dropped
/// unacknowledged, for the client to send again — so acknowledgements always flow and no leg buffers
/// without bound.
actor LiveSession {
    /// Output messages in flight to the client at most.
    static let window = 64
    /// Output bytes in flight to the client at most (the agent's reads reach 256 KiB a message).
    static let windowBytes = 4 << 20
    /// Input messages queued for the agent at most.
    static let inputLimit = 256
    /// Unacknowledged output is sent again after this long.
    static let resendAfter: TimeInterval = 0.5
    /// The version the handshake names (newer than 3.1.1511.0: smux for port forwarding, no smux keepalive).
    static let agentVersion = "3.3.0.0"

    let sessionId: String
    private(set) var record: SessionRecord
    private let plan: SessionPlan
    let legToken: String
    private let hooks: LiveSessionHooks
    private let recorder: SessionRecorder?
    private let clock: SessionClock
    private let logger: Logger

    private var sequencer = DataChannelSequencer()
    private var client: ClientLeg?
    private var agent: (any SessionAgentWriter)?
    private var handshakeStarted = false
    private var handshakeComplete = false
    private var handshakeStartedAt = ContinuousClock.now
    private var agentReady = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var queuedInput = 0
    /// Stream bytes the agent may still be sent (the leg's window), and the agent's output consumed.
    private var agentCredit = SessionLegWindow.size
    private var agentOutput = SessionLegWindow()
    private let input: AsyncStream<AgentInput>.Continuation
    private let notices: AsyncStream<Notice>.Continuation
    private var exitCode: Int32?
    private var failure: String?
    private(set) var ended = false
    private var lastActivity = Date()
    private var warned = false
    private var commandLines = CommandLineTracker()

    /// What the rest of the server is told, in order, by a task of its own (so a cancelled caller cannot lose it).
    enum Notice: Sendable {
        case changed(SessionRecord)
        case ended(SessionRecord)
    }

    /// What waits to be written to the agent leg.
    enum AgentInput: Sendable {
        case bytes(Data)
        case resize(TerminalSize)
    }

    init(record: SessionRecord, plan: SessionPlan, legToken: String, hooks: LiveSessionHooks, recorder: SessionRecorder?, clock: SessionClock,
         logger: Logger) {
        self.sessionId = record.sessionId
        self.record = record
        self.plan = plan
        self.legToken = legToken
        self.hooks = hooks
        self.recorder = recorder
        self.clock = clock
        var logger = logger
        logger[metadataKey: "portless.session"] = "\(record.sessionId)"
        self.logger = logger
        let (noticeStream, noticeSink) = AsyncStream<Notice>.makeStream()
        self.notices = noticeSink
        Task {
            for await notice in noticeStream {
                switch notice {
                case .changed(let record): await hooks.changed(record)
                case .ended(let record): await hooks.ended(record)
                }
            }
        }
        let (stream, continuation) = AsyncStream<AgentInput>.makeStream()
        self.input = continuation
        Task { [weak self] in
            for await item in stream {
                guard let self else { return }
                await self.writeToAgent(item)
            }
        }
    }

    // MARK: Client leg

    /// A client opened the data channel with a valid token: the first connection starts the handshake; a
    /// reconnection (after ResumeSession) gets every unacknowledged message again. `dropConnection` ends the
    /// client's WebSocket when the session lets go of it. Nil when the session has already ended.
    func attachClient(_ outbound: WebSocketOutboundWriter, clientVersion: String, dropConnection: @escaping @Sendable () -> Void) async -> UUID? {
        let connection = ClientLeg(outbound: outbound, isPortless: clientVersion.hasPrefix("portless/"), dropConnection: dropConnection)
        guard !ended else {
            connection.send(closedMessage(record.details ?? ""), essential: true)
            connection.finish()
            return nil
        }
        client?.finish()
        client = connection
        lastActivity = Date()
        setStatus(.connected)
        if !handshakeStarted {
            handshakeStarted = true
            handshakeStartedAt = .now
            let request = HandshakeRequest(agentVersion: Self.agentVersion, actions: [
                RequestedClientAction(sessionType: plan.sessionType.rawValue, properties: plan.properties.mapValues { .string($0) }),
            ])
            send(DataChannelMessage(messageType: .outputStreamData, payloadType: .handshakeRequest,
                                    payload: (try? JSONEncoder().encode(request)) ?? Data()))
        } else {
            for message in sequencer.pending() { connection.send(message, essential: true) }
        }
        return connection.id
    }

    /// The client's connection `id` closed without the session ending (it may resume).
    func detachClient(_ id: UUID) async {
        guard let client, client.id == id else { return }
        client.finish()
        self.client = nil
        if !ended { setStatus(.disconnected) }
    }

    /// One binary frame from the client.
    func fromClient(_ frame: Data, connection id: UUID) async {
        guard client?.id == id, !ended else { return }
        let message: DataChannelMessage
        do {
            message = try DataChannelMessage.decode(frame)
        } catch {
            logger.debug("client frame dropped", metadata: ["error": "\(error)"])
            return
        }
        switch message.messageType {
        case .acknowledge:
            if let sequenceNumber = AcknowledgeContent.acknowledgedSequenceNumber(in: message.payload) {
                sequencer.acknowledge(sequenceNumber)
                wake()
            }
        case .inputStreamData:
            let inOrder = message.sequenceNumber == sequencer.expectedIncoming
            if inOrder, message.payloadType == .output, queuedInput >= Self.inputLimit { return }
            let (acknowledge, deliver) = sequencer.receive(message)
            if acknowledge { client?.send(AcknowledgeContent.message(acknowledging: message), essential: false) }
            for next in deliver { await handleInput(next) }
        case .outputStreamData, .channelClosed, .startPublication, .pausePublication:
            logger.debug("unexpected client message type ignored", metadata: ["type": "\(message.messageType.rawValue)"])
        }
    }

    private func handleInput(_ message: DataChannelMessage) async {
        switch message.payloadType {
        case .handshakeResponse:
            guard !handshakeComplete else { return }
            let response = try? JSONDecoder().decode(HandshakeResponse.self, from: message.payload)
            let accepted = response?.ProcessedClientActions.contains { $0.ActionType == "SessionType" && $0.ActionStatus == 1 } ?? false
            guard accepted else {
                await end(status: .failed, details: "The client could not start a \(plan.sessionType.rawValue) session.")
                return
            }
            handshakeComplete = true
            let complete = HandshakeComplete(timeToComplete: .now - handshakeStartedAt, customerMessage: "")
            send(DataChannelMessage(messageType: .outputStreamData, payloadType: .handshakeComplete,
                                          payload: (try? JSONEncoder().encode(complete)) ?? Data()))
            await startAgentIfReady()
        case .output:
            lastActivity = Date()
            warned = false
            queuedInput += 1
            input.yield(.bytes(message.payload))
            if record.mode != .port {
                await recorder?.record(.input, message.payload)
                for line in commandLines.type(message.payload) { await hooks.commandLine(line, record) }
            }
        case .size:
            guard let size = try? JSONDecoder().decode(TerminalSize.self, from: message.payload), size.cols > 0, size.rows > 0 else { return }
            input.yield(.resize(size))
            await recorder?.resize(columns: size.cols, rows: size.rows)
        case .flag:
            if DataChannelFlag(payload: message.payload) == .terminateSession {
                await end(status: .terminated, details: nil)
            }
        default:
            break
        }
    }

    // MARK: Agent leg

    /// The agent's session leg was accepted; it starts once the client's handshake is complete.
    func attachAgent(_ writer: any SessionAgentWriter) async {
        guard !ended else {
            await writer.close()
            return
        }
        agent = writer
        logger.info("session leg attached")
        await startAgentIfReady()
    }

    private func startAgentIfReady() async {
        guard handshakeComplete, let agent, !agentReady else { return }
        agentReady = true
        logger.info("session ready")
        await agent.control(SessionLegControl(type: .ready))
        wake()
    }

    /// Bytes from the agent: they wait for the handshake and for room in the window, then go to the client.
    func fromAgent(_ channel: SessionLegChannel, _ bytes: Data) async {
        while !ended && (!agentReady || sequencer.unacknowledgedCount >= Self.window || sequencer.unacknowledgedBytes >= Self.windowBytes) {
            await withCheckedContinuation { waiters.append($0) }
        }
        guard !ended else { return }
        if let granted = agentOutput.consume(bytes.count) { await agent?.control(SessionLegControl(type: .credit, credit: granted)) }
        guard !bytes.isEmpty else { return }
        if record.mode == .port {
            lastActivity = Date()
            warned = false
        } else {
            await recorder?.record(.output, bytes)
        }
        let separate = channel == .stderr && client?.isPortless == true
        send(DataChannelMessage(messageType: .outputStreamData, payloadType: separate ? .stdErr : .output, payload: bytes))
    }

    /// A control frame from the agent.
    func fromAgent(_ control: SessionLegControl) async {
        switch control.type {
        case .exit:
            exitCode = control.exitCode
        case .error:
            failure = control.message ?? "The session failed on the node."
        case .connection:
            var traffic = record.portTraffic ?? PortTraffic()
            switch control.event {
            case .opened?: traffic.connections += 1
            case .failed?: traffic.failedConnections += 1
            case .closed?:
                traffic.bytesIn += control.bytesIn ?? 0
                traffic.bytesOut += control.bytesOut ?? 0
            case nil: break
            }
            record.portTraffic = traffic
            if !plan.multiplexed, control.event == .failed { send(flagMessage(.connectToPortError)) }
        case .credit:
            guard let granted = control.credit, granted > 0 else { return }
            agentCredit += granted
            wake()
        case .ready, .resize:
            break
        }
    }

    /// The agent's leg closed: the session is over. Output still unacknowledged is given a moment to arrive.
    func agentDetached() async {
        agent = nil
        guard !ended else { return }
        if let exitCode, client?.isPortless == true {
            send(DataChannelMessage(messageType: .outputStreamData, payloadType: .exitCode, payload: Data(String(exitCode).utf8)))
        }
        let deadline = Date().addingTimeInterval(5)
        while sequencer.unacknowledgedCount > 0, client != nil, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if let failure {
            await end(status: .failed, details: failure)
        } else {
            await end(status: .terminated, details: nil)
        }
    }

    /// Writes queued input to the agent once its leg is ready (input may arrive first) and, for bytes, once the
    /// leg's window has room; dropped once ended.
    private func writeToAgent(_ item: AgentInput) async {
        while !ended && !agentReady { await withCheckedContinuation { waiters.append($0) } }
        switch item {
        case .bytes(let bytes):
            while !ended && agentCredit <= 0 { await withCheckedContinuation { waiters.append($0) } }
            agentCredit -= bytes.count
            if let agent, !ended { await agent.bytes(bytes) }
            queuedInput -= 1
        case .resize(let size):
            if let agent, !ended { await agent.control(SessionLegControl(type: .resize, columns: size.cols, rows: size.rows)) }
        }
    }

    // MARK: Ending and time

    /// Ends the session: the client is told why (`details`), the agent is told to stop, the record is kept.
    func end(status: SessionStatus, details: String?) async {
        guard !ended else { return }
        ended = true
        wake()
        input.finish()
        record.details = details
        record.endDate = Date()
        client?.send(closedMessage(details ?? ""), essential: true)
        client?.finish()
        client = nil
        if let agent { Task { await agent.close() } }
        agent = nil
        await hooks.stopAgent(record)
        await recorder?.finish()
        setStatus(status)
        notices.yield(.ended(record))
        notices.finish()
        logger.info("session ended", metadata: ["portless.status": "\(status.rawValue)"])
    }

    /// Called a few times a second: resends what the client has not acknowledged, flushes the transcript,
    /// and enforces the idle timeout and the maximum duration (warning the user first).
    func tick(now: Date = Date()) async {
        guard !ended else { return }
        if let client, client.isIdle {
            for message in sequencer.due(at: now, timeout: Self.resendAfter) { client.send(message, essential: false) }
        }
        await recorder?.flushIfDue(now: now)
        let idle = clock.seconds(plan.preferences.idleSessionTimeout)
        let idleFor = now.timeIntervalSince(lastActivity)
        if idleFor >= idle {
            await end(status: .terminated, details: "Session ended after \(Self.minutes(plan.preferences.idleSessionTimeout)) of inactivity.")
            return
        }
        if let maximum = plan.preferences.maxSessionDuration, now.timeIntervalSince(record.startDate) >= clock.seconds(maximum) {
            await end(status: .terminated, details: "Session reached its maximum duration of \(Self.minutes(maximum)).")
            return
        }
        if !warned, record.mode != .port, handshakeComplete, idleFor >= idle * 0.75 {
            warned = true
            let left = Int((idle - idleFor).rounded(.up))
            send(DataChannelMessage(messageType: .outputStreamData, payloadType: .output,
                                    payload: Data("\r\n[portless] This session ends in \(left) seconds unless you type something.\r\n".utf8)))
        }
    }

    static func minutes(_ duration: Duration) -> String {
        let minutes = Int(duration.components.seconds / 60)
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }

    // MARK: Sending

    /// Numbers a stream message, keeps it until acknowledged, and sends it to the client if one is connected.
    private func send(_ message: DataChannelMessage) {
        client?.send(sequencer.stamp(message), essential: true)
    }

    private func closedMessage(_ output: String) -> DataChannelMessage {
        ChannelClosedContent(sessionId: sessionId, destinationId: record.target, output: output).message
    }

    private func flagMessage(_ flag: DataChannelFlag) -> DataChannelMessage {
        DataChannelMessage(messageType: .outputStreamData, payloadType: .flag, payload: flag.payload)
    }

    private func setStatus(_ status: SessionStatus) {
        guard record.status != status else { return }
        record.status = status
        notices.yield(.changed(record))
    }

    private func wake() {
        let ready = waiters
        waiters.removeAll()
        for waiter in ready { waiter.resume() }
    }
}


/// What a live session tells the rest of the server.
struct LiveSessionHooks: Sendable {
    /// The record changed (status, end): store it and publish the change.
    var changed: @Sendable (SessionRecord) async -> Void
    /// A command line was entered.
    var commandLine: @Sendable (String, SessionRecord) async -> Void
    /// The session ended: tell the agent to stop whatever it runs.
    var stopAgent: @Sendable (SessionRecord) async -> Void
    /// The session ended and its transcript is complete.
    var ended: @Sendable (SessionRecord) async -> Void
}

/// The server's end of an agent's session leg.
protocol SessionAgentWriter: Sendable {
    func bytes(_ data: Data) async
    func control(_ control: SessionLegControl) async
    func close() async
}
