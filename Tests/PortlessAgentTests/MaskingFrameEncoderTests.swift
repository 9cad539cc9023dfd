import NIOCore
import NIOEmbedded
import NIOWebSocket
import Testing
@testable import PortlessAgent

@Suite struct MaskingFrameEncoderTests {
    /// Encodes `frame` with the agent's encoder and reads it back with swift-nio's decoder.
    private func roundTrip(_ frame: WebSocketFrame) throws -> WebSocketFrame {
        let client = EmbeddedChannel(handler: MaskingFrameEncoder())
        try client.writeOutbound(frame)
        var wire = ByteBuffer()
        while var part = try client.readOutbound(as: ByteBuffer.self) { wire.writeBuffer(&part) }
        let server = EmbeddedChannel(handler: ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: 1 << 20)))
        try server.writeInbound(wire)
        return try #require(try server.readInbound(as: WebSocketFrame.self))
    }

    @Test(arguments: [0, 5, 125, 126, 65_535, 65_536, 300_001])
    func framesMaskedAsAClientMustDecodeToThePayload(length: Int) throws {
        let payload = ByteBuffer(bytes: (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        let decoded = try roundTrip(WebSocketFrame(fin: true, opcode: .binary, data: payload))
        #expect(decoded.maskKey != nil)
        #expect(decoded.fin && decoded.opcode == .binary)
        #expect(decoded.unmaskedData == payload)
        if length >= 8 { #expect(decoded.data != payload) }
    }

    @Test func keepsOpcodeAndFinOfControlAndContinuationFrames() throws {
        let ping = try roundTrip(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer(string: "keepalive")))
        #expect(ping.opcode == .ping && String(buffer: ping.unmaskedData) == "keepalive")
        let first = try roundTrip(WebSocketFrame(fin: false, opcode: .text, data: ByteBuffer(string: "par")))
        #expect(first.opcode == .text && !first.fin)
    }
}
