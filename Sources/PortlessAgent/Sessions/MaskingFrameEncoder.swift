import NIOCore
import NIOWebSocket
import PortlessCore

/// Writes WebSocket frames as a client must (RFC 6455 §5.2): a fresh random masking key for each,
/// its payload masked eight bytes at a time (`WebSocketMasking`) where swift-nio's encoder takes a
/// byte at a time. No extensions, so the reserved bits stay clear.
final class MaskingFrameEncoder: ChannelOutboundHandler {
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = ByteBuffer

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let frame = unwrapOutboundIn(data)
        var payload = frame.data
        let key = WebSocketMaskingKey.random()
        let length = payload.readableBytes
        var header = context.channel.allocator.buffer(capacity: 14)
        header.writeInteger(UInt8(frame.fin ? 0x80 : 0) | UInt8(webSocketOpcode: frame.opcode))
        switch length {
        case ..<126:
            header.writeInteger(UInt8(0x80 | length))
        case ...0xFFFF:
            header.writeInteger(UInt8(0x80 | 126))
            header.writeInteger(UInt16(length))
        default:
            header.writeInteger(UInt8(0x80 | 127))
            header.writeInteger(UInt64(length))
        }
        header.writeBytes(key)
        payload.withUnsafeMutableReadableBytes { WebSocketMasking.apply(key: Array(key), to: $0) }
        context.write(wrapOutboundOut(header), promise: nil)
        context.write(wrapOutboundOut(payload), promise: promise)
    }
}
