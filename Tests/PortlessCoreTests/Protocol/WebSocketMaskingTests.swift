import PortlessCore
import Testing

@Suite struct WebSocketMaskingTests {
    /// RFC 6455 §5.3, a byte at a time: the reference the word-wise loop must match.
    private func reference(_ bytes: [UInt8], key: [UInt8], phase: Int) -> [UInt8] {
        bytes.enumerated().map { $0.element ^ key[($0.offset + phase) % 4] }
    }

    @Test(arguments: [0, 1, 3, 7, 8, 9, 15, 16, 17, 1000, 32_771])
    func matchesTheByteWiseDefinitionAtEveryLengthAndPhase(length: Int) {
        let key: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for phase in 0..<4 {
            var masked = bytes
            masked.withUnsafeMutableBytes { WebSocketMasking.apply(key: key, phase: phase, to: $0) }
            #expect(masked == reference(bytes, key: key, phase: phase))
            masked.withUnsafeMutableBytes { WebSocketMasking.apply(key: key, phase: phase, to: $0) }
            #expect(masked == bytes)
        }
    }

    @Test func unmasksTheRFCExample() {
        // RFC 6455 §5.7: a masked "Hello" from a client.
        var payload: [UInt8] = [0x7F, 0x9F, 0x4D, 0x51, 0x58]
        payload.withUnsafeMutableBytes { WebSocketMasking.apply(key: [0x37, 0xFA, 0x21, 0x3D], to: $0) }
        #expect(String(decoding: payload, as: UTF8.self) == "Hello")
    }
}
