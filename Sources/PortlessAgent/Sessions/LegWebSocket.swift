import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket
import PortlessCore

/// The agent's WebSocket client for session legs. swift-websocket's client masks every frame with
/// swift-nio's byte-at-a-time loop, a third of the agent's CPU on a fast stream; this one masks eight
/// bytes at a time (`WebSocketMasking`, in `MaskingFrameEncoder`). It speaks what a leg needs and no
/// more: one upgrade (RFC 6455 §4.1, the accept key checked), whole text and binary messages (fragments
/// gathered up to `maxMessage`), pongs to pings, a ping every `pingInterval` with the connection closed
/// when nothing at all has been heard for two of them, and the close handshake.
enum LegWebSocket {
    static let pingInterval: Duration = .seconds(15)
    static let connectTimeout: TimeAmount = .seconds(10)

    /// Dials `url` (`ws` or `wss`; `tls` for the latter, `sniHostname` as its server name) and runs `body`
    /// with the connection's two halves; the connection is closed when `body` returns.
    static func connect(url: String, tls: TLSConfiguration?, sniHostname: String?, maxMessage: Int,
                        _ body: @escaping @Sendable (LegInbound, LegOutbound) async throws -> Void) async throws {
        guard let components = URLComponents(string: url), let host = components.host,
              let scheme = components.scheme, scheme == "ws" || scheme == "wss" else {
            throw ClientFailure("not a WebSocket URL: \(url)")
        }
        let secure = scheme == "wss"
        let port = components.port ?? (secure ? 443 : 80)
        let context = try tls.map { try NIOSSLContext(configuration: $0) }
        if secure, context == nil { throw ClientFailure("a wss URL needs TLS settings") }
        let upgrader = LegUpgrader(maxFrame: maxMessage)
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? ""))
        head.headers.add(name: "Host", value: components.port.map { "\(host):\($0)" } ?? host)
        let (connection, upgrade) = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(connectTimeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: sniHostname ?? host))
                    }
                    var configuration = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: .init(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in channel.eventLoop.makeFailedFuture(ClientFailure("the server refused the WebSocket upgrade")) }))
                    configuration.leftOverBytesStrategy = .forwardBytes
                    return (channel, try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: configuration))
                }
            }
        let channel: NIOAsyncChannel<WebSocketFrame, WebSocketFrame>
        do {
            channel = try await upgrade.get()
        } catch {
            // Refused or failed before it was a WebSocket: nothing else closes the connection.
            try? await connection.close()
            throw error
        }
        try await channel.executeThenClose { inbound, outbound in
            let heard = LastHeard()
            let legOutbound = LegOutbound(writer: outbound)
            let legInbound = LegInbound(frames: inbound.makeAsyncIterator(), outbound: legOutbound, maxMessage: maxMessage, heard: heard)
            // Whichever ends first ends the connection: the body, or the keepalive finding the server silent.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    while true {
                        try await Task.sleep(for: pingInterval)
                        guard heard.secondsAgo < Double((pingInterval * 2).components.seconds) else { throw ClientFailure("the server went silent") }
                        try await outbound.write(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer()))
                    }
                }
                group.addTask { try await body(legInbound, legOutbound) }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}

/// A whole message on a leg.
enum LegMessage: Sendable {
    case text(String)
    case binary(ByteBuffer)
}

/// The sending half of a leg's WebSocket; the encoder masks every frame.
struct LegOutbound: Sendable {
    let writer: NIOAsyncChannelOutboundWriter<WebSocketFrame>

    func write(_ message: LegMessage) async throws {
        switch message {
        case .text(let text): try await writer.write(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: text)))
        case .binary(let bytes): try await writer.write(WebSocketFrame(fin: true, opcode: .binary, data: bytes))
        }
    }

    /// Starts the close handshake (normal closure).
    func close() async throws {
        var code = ByteBuffer()
        code.write(webSocketErrorCode: .normalClosure)
        try await writer.write(WebSocketFrame(fin: true, opcode: .connectionClose, data: code))
    }
}

/// The receiving half of a leg's WebSocket: whole text and binary messages; pings answered, pongs
/// noted, a close frame answered and the end. Used by one reader.
struct LegInbound: @unchecked Sendable {
    private var frames: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator
    private let outbound: LegOutbound
    private let maxMessage: Int
    private let heard: LastHeard

    fileprivate init(frames: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator, outbound: LegOutbound, maxMessage: Int,
                     heard: LastHeard) {
        self.frames = frames
        self.outbound = outbound
        self.maxMessage = maxMessage
        self.heard = heard
    }

    /// The next message; nil once the server has closed.
    mutating func next() async throws -> LegMessage? {
        var gathering: (opcode: WebSocketOpcode, data: ByteBuffer)?
        while let frame = try await frames.next() {
            heard.touch()
            switch frame.opcode {
            case .ping:
                try await outbound.writer.write(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData))
            case .pong:
                continue
            case .connectionClose:
                try? await outbound.writer.write(WebSocketFrame(fin: true, opcode: .connectionClose, data: frame.unmaskedData))
                return nil
            case .text, .binary, .continuation:
                var data = frame.unmaskedData
                if frame.opcode == .continuation {
                    guard gathering != nil else { throw ClientFailure("a WebSocket continuation without a first frame") }
                    gathering?.data.writeBuffer(&data)
                } else {
                    gathering = (frame.opcode, data)
                }
                guard let (opcode, message) = gathering else { continue }
                guard message.readableBytes <= maxMessage else { throw ClientFailure("a WebSocket message over \(maxMessage) bytes") }
                guard frame.fin else { continue }
                return opcode == .text ? .text(String(buffer: message)) : .binary(message)
            default:
                throw ClientFailure("a WebSocket frame with opcode \(frame.opcode)")
            }
        }
        return nil
    }
}

/// Upgrades the HTTP connection to a WebSocket whose frames `MaskingFrameEncoder` writes.
private struct LegUpgrader: NIOTypedHTTPClientProtocolUpgrader {
    typealias UpgradeResult = NIOAsyncChannel<WebSocketFrame, WebSocketFrame>
    private static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    let supportedProtocol = "websocket"
    let requiredUpgradeHeaders: [String] = []
    let maxFrame: Int
    private let requestKey = Data((0..<16).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()

    init(maxFrame: Int) {
        self.maxFrame = maxFrame
    }

    func addCustom(upgradeRequestHeaders: inout HTTPHeaders) {
        upgradeRequestHeaders.add(name: "Sec-WebSocket-Key", value: requestKey)
        upgradeRequestHeaders.add(name: "Sec-WebSocket-Version", value: "13")
    }

    func shouldAllowUpgrade(upgradeResponse: HTTPResponseHead) -> Bool {
        let accept = Data(Insecure.SHA1.hash(data: Data((requestKey + Self.acceptGUID).utf8))).base64EncodedString()
        return upgradeResponse.headers["Sec-WebSocket-Accept"] == [accept]
    }

    func upgrade(channel: any Channel, upgradeResponse: HTTPResponseHead) -> EventLoopFuture<UpgradeResult> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(MaskingFrameEncoder())
            // A frame may carry a whole message plus its tag; the message limit is checked when gathering.
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: maxFrame + 1024)))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel)
        }
    }
}
