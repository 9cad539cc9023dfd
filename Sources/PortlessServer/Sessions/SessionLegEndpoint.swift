import Foundation
import Logging
import NIOCore
import NIOWebSocket
import PortlessCore
import WSCore

/// Serves agents' session legs (`SessionLeg.path`): the agent names the session and presents the leg token
/// it was sent on its authenticated control channel; then its frames go to the live session.
struct SessionLegEndpoint: Sendable {
    static let helloTimeout: Duration = .seconds(10)

    let sessions: SessionService
    let logger: Logger

    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        var messages = inbound.messages(maxSize: SessionLegWindow.maxFrame).makeAsyncIterator()
        let first = try await firstFrame(&messages, closing: outbound, after: Self.helloTimeout)
        guard case .text(let text)? = first, let hello = try? WireCoding.decode(SessionLegHello.self, from: Data(text.utf8)),
              let live = await sessions.openAgentLeg(hello) else {
            logger.warning("session leg refused")
            try? await outbound.close(.policyViolation, reason: "unknown session or bad token")
            return
        }
        await live.attachAgent(WebSocketAgentWriter(outbound: outbound))
        do {
            while let message = try await messages.next() {
                switch message {
                case .binary(let buffer):
                    guard let (channel, bytes) = SessionLeg.parse(Data(buffer.readableBytesView)) else { continue }
                    await live.fromAgent(channel, bytes)
                case .text(let text):
                    guard let control = try? SessionLegControl.decode(text) else { continue }
                    await live.fromAgent(control)
                }
            }
        } catch {
            logger.debug("session leg read ended", metadata: ["portless.session": "\(hello.sessionId)", "error": "\(error)"])
        }
        await live.agentDetached()
    }
}

/// Writes to an agent's session leg.
struct WebSocketAgentWriter: SessionAgentWriter {
    let outbound: WebSocketOutboundWriter

    func bytes(_ data: Data) async {
        var frame = ByteBufferAllocator().buffer(capacity: data.count + 1)
        frame.writeInteger(SessionLegChannel.stream.rawValue)
        frame.writeBytes(data)
        try? await outbound.write(.binary(frame))
    }

    func control(_ control: SessionLegControl) async {
        guard let text = try? control.encoded() else { return }
        try? await outbound.write(.text(text))
    }

    func close() async {
        try? await outbound.close(.normalClosure, reason: "session ended")
    }
}
