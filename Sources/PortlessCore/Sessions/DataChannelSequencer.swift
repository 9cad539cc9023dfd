public import Foundation

/// The ordering rules of one end of a data channel: numbers what it sends, keeps it until
/// acknowledged (to resend after a lost frame or a reconnect), and delivers what it receives in
/// order, once, buffering what arrives early.
public struct DataChannelSequencer: Sendable {
    /// At most this many early messages are buffered (the plugin's own limit).
    public static let receiveBufferLimit = 10_000

    public private(set) var nextOutgoing: Int64 = 0
    public private(set) var expectedIncoming: Int64 = 0
    /// Payload bytes sent and not yet acknowledged.
    public private(set) var unacknowledgedBytes = 0
    private var unacknowledged: [Int64: Sent] = [:]
    private var early: [Int64: DataChannelMessage] = [:]

    struct Sent: Sendable {
        var message: DataChannelMessage
        var sentAt: Date
    }

    public init() {}

    /// Messages sent and not yet acknowledged.
    public var unacknowledgedCount: Int { unacknowledged.count }

    /// Numbers an outgoing stream message and keeps it until it is acknowledged.
    public mutating func stamp(_ message: DataChannelMessage, at now: Date = Date()) -> DataChannelMessage {
        var stamped = message
        stamped.sequenceNumber = nextOutgoing
        nextOutgoing += 1
        unacknowledged[stamped.sequenceNumber] = Sent(message: stamped, sentAt: now)
        unacknowledgedBytes += stamped.payload.count
        return stamped
    }

    /// The peer acknowledged the stream message numbered `sequenceNumber`.
    public mutating func acknowledge(_ sequenceNumber: Int64) {
        guard let sent = unacknowledged.removeValue(forKey: sequenceNumber) else { return }
        unacknowledgedBytes -= sent.message.payload.count
    }

    /// Stream messages unacknowledged for longer than `timeout`, oldest first; their send time is reset.
    public mutating func due(at now: Date = Date(), timeout: TimeInterval) -> [DataChannelMessage] {
        let late = unacknowledged.values.filter { now.timeIntervalSince($0.sentAt) >= timeout }
            .sorted { $0.message.sequenceNumber < $1.message.sequenceNumber }
        for sent in late { unacknowledged[sent.message.sequenceNumber]?.sentAt = now }
        return late.map(\.message)
    }

    /// Every unacknowledged message, oldest first (to resend on a new connection).
    public func pending() -> [DataChannelMessage] {
        unacknowledged.values.map(\.message).sorted { $0.sequenceNumber < $1.sequenceNumber }
    }

    /// Takes one incoming stream message: returns whether to acknowledge it and the messages now
    /// deliverable in order. A duplicate is acknowledged again and delivered never; an early one is
    /// acknowledged and held (beyond the buffer limit it is dropped unacknowledged).
    public mutating func receive(_ message: DataChannelMessage) -> (acknowledge: Bool, deliver: [DataChannelMessage]) {
        let sequence = message.sequenceNumber
        if sequence < expectedIncoming { return (true, []) }
        if sequence > expectedIncoming {
            guard early.count < Self.receiveBufferLimit || early[sequence] != nil else { return (false, []) }
            early[sequence] = message
            return (true, [])
        }
        var deliver = [message]
        expectedIncoming += 1
        while let next = early.removeValue(forKey: expectedIncoming) {
            deliver.append(next)
            expectedIncoming += 1
        }
        return (true, deliver)
    }
}
