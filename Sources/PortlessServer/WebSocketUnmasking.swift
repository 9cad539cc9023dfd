import NIOCore
import NIOWebSocket
import PortlessCore
import WSCore

/// Unmasks every data frame a WebSocket client sends with `WebSocketMasking` (eight bytes at a
/// time) before swift-websocket sees it, instead of swift-nio's byte-at-a-time loop. Installed on
/// every server WebSocket as a non-negotiated extension: it changes nothing on the wire, uses no
/// reserved bits and needs nothing from the client. Control frames keep their own (small) path.
struct WebSocketUnmasking: WebSocketExtension {
    let name = "portless-unmasking"

    func processReceivedFrame(_ frame: WebSocketFrame, context: WebSocketExtensionContext) async throws -> WebSocketFrame {
        guard let maskKey = frame.maskKey else { return frame }
        let key = Array(maskKey)
        var unmasked = frame
        var extensionData = unmasked.extensionData
        extensionData?.withUnsafeMutableReadableBytes { WebSocketMasking.apply(key: key, to: $0) }
        var data = unmasked.data
        unmasked.data = ByteBuffer()
        data.withUnsafeMutableReadableBytes { WebSocketMasking.apply(key: key, phase: (extensionData?.readableBytes ?? 0) % 4, to: $0) }
        unmasked.extensionData = extensionData
        unmasked.data = data
        unmasked.maskKey = nil
        return unmasked
    }

    func processFrameToSend(_ frame: WebSocketFrame, context: WebSocketExtensionContext) async throws -> WebSocketFrame {
        frame
    }

    func shutdown() async {}
}
