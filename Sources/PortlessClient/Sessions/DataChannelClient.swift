public import Foundation
public import Logging
import NIOCore
import NIOWebSocket
public import PortlessCore
import WSClient

/// `portless session`'s end of SSM's session data channel, spoken as AWS's session-manager-plugin
/// speaks it: dial the StreamUrl, open with the token, answer the handshake, acknowledge every
/// stream message and deliver them in order, resend what the server has not acknowledged, and
/// after a dropped connection get a new token with ResumeSession and redial, the sequence numbers
/// carrying on. The server's `channel_closed` ends it.
///
/// Output reaches `run`'s handler in order, one message at a time: the next frame is not read until
/// the handler returns, so a slow terminal or socket slows the server. `send` waits while `window`
/// messages are unacknowledged.
public actor DataChannelClient {
    /// The `ClientVersion` on the wire; the `portless/` prefix makes the server send stderr and exit codes apart.
    public static let clientVersion = "portless/0.1.0"
    /// The largest payload of one input message.
    public static let maxPayload = 32 * 1024
    /// Input messages in flight before `send` waits for acknowledgements.
    public static let window = 16
    static let resendInterval: Duration = .milliseconds(100)
    static let maxMessageSize = 1 << 20
    static let redialAttempts = 8
    static let pingInterval: Duration = .seconds(20)

    private let api: SSMClient
    private let logger: Logger
    private let clientId = UUID().uuidString.lowercased()
    private var stream: SessionStream
    private var sequencer = DataChannelSequencer()
    private var retransmission = RetransmissionTimeout()
    /// Send times of messages sent once, for round-trip samples (a resent message gives none).
    private var sentOnce: [Int64: Date] = [:]
    private var outbound: WebSocketOutboundWriter?
    private var windowWaiters: [CheckedContinuation<Void, any Error>] = []
    private var readyWaiters: [CheckedContinuation<DataChannelReady, any Error>] = []
    private var sessionType: SessionTypeParameters?
    private var ready: DataChannelReady?
    private var exitCode: Int32?
    private var closedOutput: String?
    private var closing = false
    private var over = false
    /// Whether the current connection has carried a message (a productive connection resets the redial count).
    private var heard = false

    /// A client for the session `stream` names; `api` makes the ResumeSession calls and gives the CA bundle.
    public init(stream: SessionStream, api: SSMClient, logger: Logger) {
        self.stream = stream
        self.sessionId = stream.sessionId
        self.api = api
        self.logger = logger
    }

    /// The session's ID.
    public nonisolated let sessionId: String

    /// Runs the channel until the server closes it, the session times out, or `close()` is called;
    /// `onOutput` gets what the server sends, in order. An error `onOutput` throws ends the session
    /// and is rethrown.
    public func run(onOutput: @escaping @Sendable (DataChannelOutput) async throws -> Void) async throws -> DataChannelEnd {
        defer { finish() }
        var failures = 0
        var needsResume = false
        while true {
            if closing { return DataChannelEnd(reason: .closedByClient, exitCode: exitCode) }
            if needsResume {
                do {
                    guard let next = try await api.resumeSession(stream.sessionId) else {
                        return DataChannelEnd(reason: .timedOut, exitCode: exitCode)
                    }
                    stream = next
                } catch let error as ClientError {
                    if case .service = error { throw error }
                    failures += 1
                    try await pause(after: failures, error: error)
                    continue
                }
            }
            needsResume = true
            heard = false
            do {
                try await connect(to: stream, onOutput: onOutput)
            } catch let failure as HandlerFailure {
                throw failure.underlying
            } catch let error as DataChannelProtocolError {
                throw error
            } catch {
                logger.debug("data channel connection ended", metadata: ["portless.session": "\(stream.sessionId)", "error": "\(error)"])
            }
            if let closedOutput { return DataChannelEnd(reason: .closedByServer(output: closedOutput), exitCode: exitCode) }
            if closing { return DataChannelEnd(reason: .closedByClient, exitCode: exitCode) }
            failures = heard ? 1 : failures + 1
            try await pause(after: failures, error: nil)
        }
    }

    /// Waits for the handshake to complete (or the first output of a server that sends none).
    public func waitUntilReady() async throws -> DataChannelReady {
        if let ready { return ready }
        guard !over else { throw DataChannelClosedError() }
        return try await withCheckedThrowingContinuation { readyWaiters.append($0) }
    }

    /// Sends bytes (payload type 1 unless told), cut into messages of at most `maxPayload` bytes,
    /// waiting while the window is full.
    public func send(_ bytes: Data, as type: DataChannelPayloadType = .output) async throws {
        var start = bytes.startIndex
        repeat {
            while sequencer.unacknowledgedCount >= Self.window, !over {
                try await withCheckedThrowingContinuation { windowWaiters.append($0) }
            }
            let end = min(bytes.endIndex, start + Self.maxPayload)
            try await enqueue(Data(bytes[start..<end]), as: type)
            start = end
        } while start < bytes.endIndex
    }

    /// Waits until the server has acknowledged everything sent (or the channel is over).
    public func waitUntilAcknowledged() async throws {
        while sequencer.unacknowledgedCount > 0, !over {
            try await withCheckedThrowingContinuation { windowWaiters.append($0) }
        }
    }

    /// Sends the terminal's size (payload type 3).
    public func sendSize(_ size: TerminalSize) async throws {
        try await send(try JSONEncoder().encode(size), as: .size)
    }

    /// Closes the channel from this side; `run` returns `.closedByClient`. The session itself goes
    /// on until the server ends it (TerminateSession ends it at once).
    public func close() async {
        closing = true
        try? await outbound?.close(.normalClosure, reason: "client closing")
    }

    // MARK: - One connection

    private func connect(to stream: SessionStream, onOutput: @escaping @Sendable (DataChannelOutput) async throws -> Void) async throws {
        let (tls, sniHostname) = DataChannelTLS.settings(for: stream.streamURL, caBundle: api.configuration.caBundle)
        let configuration = WebSocketClientConfiguration(maxFrameSize: Self.maxMessageSize, autoPing: .enabled(timePeriod: Self.pingInterval),
                                                         sniHostname: sniHostname)
        let open = OpenDataChannelInput(tokenValue: stream.tokenValue, clientId: clientId, clientVersion: Self.clientVersion)
        let openText = String(decoding: try JSONEncoder().encode(open), as: UTF8.self)
        try await WebSocketClient.connect(url: stream.streamURL, configuration: configuration, tlsConfiguration: tls,
                                          logger: logger) { inbound, outbound, _ in
            try await outbound.write(.text(openText))
            do {
                try await self.attach(outbound)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await self.resendLoop(outbound) }
                    group.addTask { try await self.readLoop(inbound, outbound, onOutput: onOutput) }
                    try await group.next()
                    group.cancelAll()
                }
            } catch {
                await self.detach()
                throw error
            }
            await self.detach()
        }
    }

    private nonisolated func readLoop(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
                                      onOutput: @Sendable (DataChannelOutput) async throws -> Void) async throws {
        for try await frame in inbound.messages(maxSize: Self.maxMessageSize) {
            let bytes: Data
            switch frame {
            case .binary(let buffer): bytes = Data(buffer.readableBytesView)
            case .text(let text): bytes = Data(text.utf8)
            }
            let message: DataChannelMessage
            do {
                message = try DataChannelMessage.decode(bytes)
            } catch {
                logger.debug("dropped an unreadable data channel frame", metadata: ["error": "\(error)"])
                continue
            }
            switch message.messageType {
            case .acknowledge:
                await acknowledged(message)
            case .channelClosed:
                await closedByServer(message)
                try? await outbound.close(.normalClosure, reason: nil)
                return
            case .outputStreamData:
                let (acknowledge, deliver) = await received(message)
                for item in deliver { try await handle(item, onOutput: onOutput) }
                if acknowledge {
                    try await outbound.write(.binary(ByteBuffer(bytes: AcknowledgeContent.message(acknowledging: message).encoded())))
                }
            case .inputStreamData, .startPublication, .pausePublication:
                continue
            }
        }
    }

    private nonisolated func resendLoop(_ outbound: WebSocketOutboundWriter) async throws {
        while true {
            try await Task.sleep(for: Self.resendInterval)
            for message in await dueForResend() {
                try await outbound.write(.binary(ByteBuffer(bytes: message.encoded())))
            }
        }
    }

    private nonisolated func handle(_ message: DataChannelMessage, onOutput: @Sendable (DataChannelOutput) async throws -> Void) async throws {
        switch message.payloadType {
        case .handshakeRequest:
            try await answerHandshake(message.payload)
        case .handshakeComplete:
            await completeHandshake(message.payload)
        case .output:
            await readyWithoutHandshake()
            try await deliver(.stdout(message.payload), to: onOutput)
        case .stdErr:
            try await deliver(.stderr(message.payload), to: onOutput)
        case .exitCode:
            await recordExitCode(message.payload)
        case .flag:
            if let flag = DataChannelFlag(payload: message.payload) { try await deliver(.flag(flag), to: onOutput) }
        default:
            logger.debug("ignored a data channel payload", metadata: ["payloadType": "\(message.payloadType.rawValue)"])
        }
    }

    private nonisolated func deliver(_ output: DataChannelOutput, to onOutput: @Sendable (DataChannelOutput) async throws -> Void) async throws {
        do {
            try await onOutput(output)
        } catch {
            throw HandlerFailure(underlying: error)
        }
    }

    // MARK: - State

    private func attach(_ writer: WebSocketOutboundWriter) async throws {
        outbound = writer
        for message in sequencer.pending() {
            sentOnce[message.sequenceNumber] = nil
            try await writer.write(.binary(ByteBuffer(bytes: message.encoded())))
        }
    }

    private func detach() {
        outbound = nil
    }

    private func enqueue(_ payload: Data, as type: DataChannelPayloadType) async throws {
        guard !over else { throw DataChannelClosedError() }
        let message = sequencer.stamp(DataChannelMessage(messageType: .inputStreamData, payloadType: type, payload: payload))
        sentOnce[message.sequenceNumber] = Date()
        // A lost write is resent: on this connection after the timeout, on the next one at once.
        try? await outbound?.write(.binary(ByteBuffer(bytes: message.encoded())))
    }

    private func received(_ message: DataChannelMessage) -> (acknowledge: Bool, deliver: [DataChannelMessage]) {
        heard = true
        return sequencer.receive(message)
    }

    private func acknowledged(_ message: DataChannelMessage) {
        guard let sequence = AcknowledgeContent.acknowledgedSequenceNumber(in: message.payload) else { return }
        heard = true
        sequencer.acknowledge(sequence)
        if let sent = sentOnce.removeValue(forKey: sequence) {
            retransmission.sample(Date().timeIntervalSince(sent))
        }
        if sequencer.unacknowledgedCount < Self.window { wakeSenders(throwing: nil) }
    }

    private func dueForResend() -> [DataChannelMessage] {
        let late = sequencer.due(timeout: retransmission.timeout)
        for message in late { sentOnce[message.sequenceNumber] = nil }
        return late
    }

    private func answerHandshake(_ payload: Data) async throws {
        guard let request = try? JSONDecoder().decode(HandshakeRequest.self, from: payload) else {
            throw DataChannelProtocolError(description: "The server's handshake asks for actions this client does not take.")
        }
        sessionType = request.RequestedClientActions.first { $0.ActionType == "SessionType" }?.ActionParameters
        let actions = request.RequestedClientActions.map { action in
            action.ActionType == "SessionType"
                ? ProcessedClientAction(actionType: action.ActionType, actionStatus: 1)
                : ProcessedClientAction(actionType: action.ActionType, actionStatus: 3, error: "unsupported action \(action.ActionType)")
        }
        let response = HandshakeResponse(clientVersion: Self.clientVersion, actions: actions)
        // Sent outside the window: the read loop that sends it is what takes the acknowledgements.
        try await enqueue(try JSONEncoder().encode(response), as: .handshakeResponse)
    }

    private func completeHandshake(_ payload: Data) {
        let complete = try? JSONDecoder().decode(HandshakeComplete.self, from: payload)
        becomeReady(DataChannelReady(sessionType: sessionType, customerMessage: complete?.CustomerMessage ?? ""))
    }

    private func readyWithoutHandshake() {
        if ready == nil { becomeReady(DataChannelReady(sessionType: nil, customerMessage: "")) }
    }

    private func becomeReady(_ value: DataChannelReady) {
        ready = value
        let waiters = readyWaiters
        readyWaiters = []
        for waiter in waiters { waiter.resume(returning: value) }
    }

    private func recordExitCode(_ payload: Data) {
        exitCode = Int32(String(decoding: payload, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func closedByServer(_ message: DataChannelMessage) {
        closedOutput = (try? JSONDecoder().decode(ChannelClosedContent.self, from: message.payload))?.Output ?? ""
    }

    private func wakeSenders(throwing error: (any Error)?) {
        let waiters = windowWaiters
        windowWaiters = []
        for waiter in waiters {
            if let error { waiter.resume(throwing: error) } else { waiter.resume() }
        }
    }

    private func finish() {
        over = true
        outbound = nil
        wakeSenders(throwing: DataChannelClosedError())
        let waiters = readyWaiters
        readyWaiters = []
        for waiter in waiters { waiter.resume(throwing: DataChannelClosedError()) }
    }

    private func pause(after failures: Int, error: (any Error)?) async throws {
        guard failures <= Self.redialAttempts else {
            throw ClientError.transport("Lost the data channel of session \(stream.sessionId) and could not reconnect"
                                        + (error.map { ": \($0)" } ?? "."))
        }
        try await Task.sleep(for: .milliseconds(min(5_000, 100 << (failures - 1))))
    }
}

/// The server broke the data channel protocol in a way the session cannot go on from.
public struct DataChannelProtocolError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// An error from the output handler, carried out of the connection so it ends the session instead of causing a redial.
private struct HandlerFailure: Error {
    var underlying: any Error
}
