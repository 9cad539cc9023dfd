import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import PortlessAgent

@Suite(.timeLimit(.minutes(1))) struct LegWebSocketTests {
    /// A listener that answers every request with `response` and reports when the client's side closed.
    private func refusingServer(_ response: String) async throws -> (port: Int, closed: AsyncStream<Void>, channel: any Channel) {
        let (closed, close) = AsyncStream<Void>.makeStream()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(Answer(response: response, closed: close)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return (channel.localAddress?.port ?? 0, closed, channel)
    }

    private final class Answer: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let response: String
        let closed: AsyncStream<Void>.Continuation

        init(response: String, closed: AsyncStream<Void>.Continuation) {
            self.response = response
            self.closed = closed
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response)), promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            closed.finish()
        }
    }

    @Test func aRefusedUpgradeFailsAndClosesTheConnection() async throws {
        let (port, closed, listener) = try await refusingServer("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        await #expect(throws: (any Error).self) {
            try await LegWebSocket.connect(url: "ws://127.0.0.1:\(port)/agent/v1/session", tls: nil, sniHostname: nil, maxMessage: 1 << 20) { _, _ in }
        }
        for await _ in closed {}
        try await listener.close()
    }

    @Test func aWrongAcceptKeyIsRefused() async throws {
        let (port, closed, listener) = try await refusingServer(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: bm90IHRoZSBrZXk=\r\n\r\n")
        await #expect(throws: (any Error).self) {
            try await LegWebSocket.connect(url: "ws://127.0.0.1:\(port)/agent/v1/session", tls: nil, sniHostname: nil, maxMessage: 1 << 20) { _, _ in }
        }
        for await _ in closed {}
        try await listener.close()
    }
}
