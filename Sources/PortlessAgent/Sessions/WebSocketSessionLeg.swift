import Foundation
import Logging
import NIOCore
import NIOSSL
import NIOWebSocket
import PortlessCore

/// A session's leg in production: a WebSocket (`LegWebSocket`) to the server's `SessionLeg.path`, dialled
/// with the control channel's scheme, host, port and TLS settings (the same pinned CA). The agent says
/// `SessionLegHello`, waits for `ready`, serves the order with its stream bytes under the leg's
/// window (`LegCredit` out, `WebSocketLegInbound` in), and closes the leg when it is done.
struct WebSocketSessionLeg: Sendable {
    let url: String
    let tls: TLSConfiguration?
    let instanceId: String
    let logger: Logger

    /// Serves `order` over a new leg; failures are logged (the server sees the leg close).
    func serve(_ order: SessionOrder) async {
        do {
            try await LegWebSocket.connect(url: url, tls: tls, sniHostname: AgentTLS.sniHostname(for: url),
                                           maxMessage: SessionLegWindow.maxFrame + 1) { inbound, outbound in
                let hello = SessionLegHello(instanceId: instanceId, sessionId: order.sessionId, token: order.legToken)
                try await outbound.write(.text(String(decoding: try WireCoding.encoder().encode(hello), as: UTF8.self)))
                var messages = inbound
                guard case .text(let answer)? = try await messages.next(), (try? SessionLegControl.decode(answer))?.type == .ready else {
                    throw ClientFailure("server refused the session leg")
                }
                let credit = LegCredit()
                let writer = WebSocketLegWriter(outbound: outbound, credit: credit)
                let legInbound = WebSocketLegInbound(messages: messages, credit: credit, writer: writer)
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await legInbound.read() }
                    await SessionRunner(order: order, logger: logger).run(inbound: legInbound, writer: writer)
                    credit.close()
                    try? await outbound.close()
                }
            }
        } catch {
            logger.warning("session leg failed", metadata: ["portless.session": "\(order.sessionId)", "error": "\(error)"])
        }
    }
}

/// Writes session-leg frames to the WebSocket: bytes as binary frames after their channel tag, once
/// the leg's credit allows them; controls as text, at once.
struct WebSocketLegWriter: SessionLegWriter {
    let outbound: LegOutbound
    let credit: LegCredit

    func send(_ frame: SessionLegFrame) async throws {
        switch frame {
        case .bytes(let channel, let bytes):
            try await credit.spend(bytes.count)
            var frame = ByteBufferAllocator().buffer(capacity: bytes.count + 1)
            frame.writeInteger(channel.rawValue)
            frame.writeBytes(bytes)
            try await outbound.write(.binary(frame))
        case .control(let control):
            try await outbound.write(.text(try control.encoded()))
        }
    }
}
