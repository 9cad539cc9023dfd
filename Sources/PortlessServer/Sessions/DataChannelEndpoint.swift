import Foundation
import Logging
import NIOCore
import NIOWebSocket
import PortlessCore
import WSCore

/// Serves clients' data channels (`/v1/data-channel/SESSION-ID`): the first frame must carry the session's
/// current stream token, which opens the channel once; then every frame goes to the live session.
struct DataChannelEndpoint: Sendable {
    static let pathPrefix = "/v1/data-channel/"
    static let maxFrameSize = 1 << 20
    static let firstFrameTimeout: Duration = .seconds(10)

    let sessions: SessionService
    let logger: Logger

    /// The session ID in a data channel request path, if it is one.
    static func sessionId(inPath path: String) -> String? {
        let withoutQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        guard withoutQuery.hasPrefix(pathPrefix) else { return nil }
        let id = String(withoutQuery.dropFirst(pathPrefix.count))
        return (1...96).contains(id.count) && !id.contains("/") ? id : nil
    }

    /// Serves one client WebSocket until the client leaves or the session lets go of it (ended, or replaced by a
    /// reconnection); returning closes the connection.
    func serve(sessionId: String, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let (dropped, drop) = AsyncStream<Void>.makeStream()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await read(sessionId: sessionId, inbound: inbound, outbound: outbound, drop: { drop.finish() }) }
            group.addTask { for await _ in dropped {} }
            await group.next()
            group.cancelAll()
        }
    }

    private func read(sessionId: String, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
                      drop: @escaping @Sendable () -> Void) async {
        var messages = inbound.messages(maxSize: Self.maxFrameSize).makeAsyncIterator()
        let first = try? await firstFrame(&messages, closing: outbound, after: Self.firstFrameTimeout)
        let text: Data? = switch first {
        case .text(let text)?: Data(text.utf8)
        case .binary(let buffer)?: Data(buffer.readableBytesView)
        default: nil
        }
        guard let text, let open = try? JSONDecoder().decode(OpenDataChannelInput.self, from: text),
              let live = await sessions.openDataChannel(sessionId: sessionId, token: open.TokenValue) else {
            logger.warning("data channel refused", metadata: ["portless.session": "\(sessionId)"])
            try? await outbound.close(.policyViolation, reason: "invalid or expired token")
            return
        }
        guard let connection = await live.attachClient(outbound, clientVersion: open.ClientVersion, dropConnection: drop) else {
            // The session has ended: its closing message is being written; the drop ends this connection.
            try? await Task.sleep(for: ClientLeg.closeGrace * 2)
            return
        }
        do {
            while let message = try await messages.next() {
                switch message {
                case .binary(let buffer): await live.fromClient(Data(buffer.readableBytesView), connection: connection)
                case .text(let text): await live.fromClient(Data(text.utf8), connection: connection)
                }
            }
        } catch {
            logger.debug("data channel read ended", metadata: ["portless.session": "\(sessionId)", "error": "\(error)"])
        }
        await live.detachClient(connection)
    }
}

/// The first message of a session WebSocket; the connection is closed when none comes within `timeout`.
func firstFrame(_ messages: inout WebSocketInboundMessageStream.AsyncIterator, closing outbound: WebSocketOutboundWriter,
                after timeout: Duration) async throws -> WebSocketMessage? {
    let watchdog = Task {
        try await Task.sleep(for: timeout)
        try? await outbound.close(.policyViolation, reason: "no first frame")
    }
    defer { watchdog.cancel() }
    return try await messages.next()
}
