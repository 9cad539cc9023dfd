public import Foundation
import Crypto

/// One binary message of SSM's session data channel (the plugin's `ClientMessage`): a fixed 120-byte
/// header, big-endian, then the payload. Both the server and `portless session` speak it.
public struct DataChannelMessage: Sendable, Equatable {
    /// The header's length field: the offset of `PayloadLength`.
    public static let headerLength: UInt32 = 116
    /// Bytes before the payload.
    public static let payloadOffset = 120

    public var messageType: DataChannelMessageType
    public var schemaVersion: UInt32
    public var createdDate: UInt64
    public var sequenceNumber: Int64
    public var flags: UInt64
    /// The message ID, a UUID (stored in its canonical order; the wire swaps its 8-byte halves).
    public var messageId: UUID
    public var payloadType: DataChannelPayloadType
    public var payload: Data

    public init(messageType: DataChannelMessageType, sequenceNumber: Int64 = 0, flags: UInt64 = 0,
                payloadType: DataChannelPayloadType, payload: Data, messageId: UUID = UUID(),
                createdDate: Date = Date(), schemaVersion: UInt32 = 1) {
        self.messageType = messageType
        self.schemaVersion = schemaVersion
        self.createdDate = UInt64(max(0, createdDate.timeIntervalSince1970 * 1000))
        self.sequenceNumber = sequenceNumber
        self.flags = flags
        self.messageId = messageId
        self.payloadType = payloadType
        self.payload = payload
    }

    /// The message as one binary WebSocket frame.
    public func encoded() -> Data {
        encodedHeader() + payload
    }

    /// The frame's first `payloadOffset` bytes (the payload's digest among them), for a writer that puts the
    /// header and the payload into its own buffer.
    public func encodedHeader() -> Data {
        var out = Data(capacity: Self.payloadOffset)
        out.appendBigEndian(Self.headerLength)
        var type = Array(messageType.rawValue.utf8.prefix(32))
        type += Array(repeating: UInt8(ascii: " "), count: 32 - type.count)
        out.append(contentsOf: type)
        out.appendBigEndian(schemaVersion)
        out.appendBigEndian(createdDate)
        out.appendBigEndian(UInt64(bitPattern: sequenceNumber))
        out.appendBigEndian(flags)
        let id = messageId.uuid
        let bytes = [id.8, id.9, id.10, id.11, id.12, id.13, id.14, id.15, id.0, id.1, id.2, id.3, id.4, id.5, id.6, id.7]
        out.append(contentsOf: bytes)
        out.append(contentsOf: SHA256.hash(data: payload))
        out.appendBigEndian(payloadType.rawValue)
        out.appendBigEndian(UInt32(payload.count))
        return out
    }

    /// Decodes one frame, checking what the plugin checks: a header length, a known message type, a
    /// creation date and, for a non-empty payload, its SHA-256 digest. The payload shares `frame`'s storage.
    public static func decode(_ frame: Data) throws(DataChannelError) -> DataChannelMessage {
        guard frame.count >= payloadOffset else { throw .malformed("a data channel message is at least \(payloadOffset) bytes") }
        let header = [UInt8](frame.prefix(payloadOffset))
        let headerLength = header.bigEndian(UInt32.self, at: 0)
        guard headerLength != 0, Int(headerLength) + 4 <= frame.count else { throw .malformed("bad header length \(headerLength)") }
        let typeText = String(decoding: header[4..<36], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \u{0}"))
        guard let messageType = DataChannelMessageType(rawValue: typeText) else { throw .malformed("unknown message type \(typeText)") }
        let createdDate = header.bigEndian(UInt64.self, at: 40)
        guard createdDate != 0 else { throw .malformed("message without a creation date") }
        let wireId = header[64..<80]
        let canonical = Array(wireId.suffix(8) + wireId.prefix(8))
        let messageId = UUID(uuid: (canonical[0], canonical[1], canonical[2], canonical[3], canonical[4], canonical[5], canonical[6], canonical[7],
                                    canonical[8], canonical[9], canonical[10], canonical[11], canonical[12], canonical[13], canonical[14], canonical[15]))
        let payloadTypeRaw = header.bigEndian(UInt32.self, at: 112)
        let payload = frame.dropFirst(Int(headerLength) + 4)
        if !payload.isEmpty, !SHA256.hash(data: payload).elementsEqual(header[80..<112]) {
            throw .malformed("payload digest mismatch")
        }
        var message = DataChannelMessage(messageType: messageType, sequenceNumber: Int64(bitPattern: header.bigEndian(UInt64.self, at: 48)),
                                         flags: header.bigEndian(UInt64.self, at: 56),
                                         payloadType: DataChannelPayloadType(rawValue: payloadTypeRaw) ?? .unknown,
                                         payload: payload, messageId: messageId, schemaVersion: header.bigEndian(UInt32.self, at: 36))
        message.createdDate = createdDate
        return message
    }
}

/// A data channel frame that cannot be read (it is dropped, unacknowledged, as the plugin drops one).
public enum DataChannelError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed data channel message: \(reason)"
        }
    }
}

extension Data {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}

extension [UInt8] {
    func bigEndian<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
        var value: T = 0
        for index in 0..<MemoryLayout<T>.size { value = value << 8 | T(self[offset + index]) }
        return value
    }
}
