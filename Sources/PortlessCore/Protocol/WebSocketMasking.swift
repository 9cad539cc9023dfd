/// The WebSocket masking operation (RFC 6455 §5.3): each byte XORed with the frame's 4-byte key,
/// repeated. Masking and unmasking are the same operation. Done eight bytes at a time, which the
/// compiler widens further; swift-nio's own loop takes a byte at a time and was a fifth of the
/// server's CPU under a session's stream.
public enum WebSocketMasking {
    /// XORs `bytes` with `key` repeated, starting at the key's byte `phase` (the bytes' offset in
    /// the frame's payload, modulo 4).
    public static func apply(key: [UInt8], phase: Int = 0, to bytes: UnsafeMutableRawBufferPointer) {
        precondition(key.count == 4, "a WebSocket masking key has 4 bytes")
        guard let base = bytes.baseAddress else { return }
        let rotated = (0..<4).map { key[($0 + phase) % 4] }
        var quarter: UInt32 = 0
        withUnsafeMutableBytes(of: &quarter) { $0.copyBytes(from: rotated) }
        let pattern = UInt64(quarter) | UInt64(quarter) << 32
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            base.storeBytes(of: word ^ pattern, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < count {
            base.storeBytes(of: base.load(fromByteOffset: offset, as: UInt8.self) ^ rotated[offset % 4], toByteOffset: offset, as: UInt8.self)
            offset += 1
        }
    }
}
