import Foundation
import Logging
import NIOCore
import NIOSSL
import NIOWebSocket
import PortlessCore
import WSClient

/// A session's leg in production: a WebSocket to the server's `SessionLeg.path`, dialled with the
/// control channel's scheme, host, port and TLS settings (the same pinned CA). The agent says
/// `SessionLegHello`, waits for `ready`, serves the order, and closes the leg when it is done.
struct WebSocketSessionLeg: Sendable {
    static let maxMessageSize = 1 << 20

    let url: String
    let tls: TLSConfiguration?
    let instanceId: String
    let logger: Logger

    /// Serves `order` over a new leg; failures are logged (the server sees the leg close).
    func serve(_ order: SessionOrder) async {
        let configuration = AgentTLS.webSocketConfiguration(for: url, autoPing: true)
        do {
            try await WebSocketClient.connect(url: url, configuration: configuration, tlsConfiguration: tls, logger: logger) { inbound, outbound, _ in
                let hello = SessionLegHello(instanceId: instanceId, sessionId: order.sessionId, token: order.legToken)
                try await outbound.write(.text(String(decoding: try WireCoding.encoder().encode(hello), as: UTF8.self)))
                var messages = inbound.messages(maxSize: Self.maxMessageSize).makeAsyncIterator()
                guard case .text(let answer)? = try await messages.next(), (try? SessionLegControl.decode(answer))?.type == .ready else {
                    throw ClientFailure("server refused the session leg")
                }
                let runner = SessionRunner(order: order, logger: logger)
                await runner.run(inbound: WebSocketLegFrames(messages: messages), writer: WebSocketLegWriter(outbound: outbound))
                try? await outbound.close(.normalClosure, reason: nil)
            }
        } catch {
            logger.warning("session leg failed", metadata: ["portless.session": "\(order.sessionId)", "error": "\(error)"])
        }
    }
}

/// The leg's inbound WebSocket messages after the handshake, as session-leg frames (frames with an
/// unknown channel and text that is no control are skipped).
///
/// `@unchecked Sendable`: the WebSocket's iterator is not Sendable; this sequence is made once,
/// after the handshake, and iterated once, by the session's input loop alone.
struct WebSocketLegFrames: AsyncSequence, @unchecked Sendable {
    let messages: WebSocketInboundMessageStream.AsyncIterator

    struct AsyncIterator: AsyncIteratorProtocol {
        var messages: WebSocketInboundMessageStream.AsyncIterator

        mutating func next() async throws -> SessionLegFrame? {
            while let message = try await messages.next() {
                switch message {
                case .binary(let buffer):
                    if let (channel, bytes) = SessionLeg.parse(Data(buffer.readableBytesView)) { return .bytes(channel, bytes) }
                case .text(let text):
                    if let control = try? SessionLegControl.decode(text) { return .control(control) }
                }
            }
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(messages: messages)
    }
}

/// Writes session-leg frames to the WebSocket: bytes as binary frames after their channel tag,
/// controls as text; each write waits for the WebSocket to take it.
struct WebSocketLegWriter: SessionLegWriter {
    let outbound: WebSocketOutboundWriter

    func send(_ frame: SessionLegFrame) async throws {
        switch frame {
        case .bytes(let channel, let bytes):
            try await outbound.write(.binary(ByteBuffer(bytes: SessionLeg.frame(channel, bytes))))
        case .control(let control):
            try await outbound.write(.text(try control.encoded()))
        }
    }
}
