/// One log event: when it happened and its message.
public struct LogEvent: Sendable, Hashable, Codable {
    public var timestamp: Int64
    public var message: String

    public init(timestamp: Int64, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// An event as stored: its stream, its place in the store's order (`sequence`) and when it arrived.
public struct StoredLogEvent: Sendable, Hashable {
    public var sequence: Int64
    public var streamName: String
    public var timestamp: Int64
    public var ingestionTime: Int64
    /// The message; sealed (base64 AES-GCM) when `dataKeyId` names the group data key it was sealed under.
    public var message: String
    public var dataKeyId: String?

    public init(sequence: Int64, streamName: String, timestamp: Int64, ingestionTime: Int64, message: String, dataKeyId: String? = nil) {
        self.sequence = sequence
        self.streamName = streamName
        self.timestamp = timestamp
        self.ingestionTime = ingestionTime
        self.message = message
        self.dataKeyId = dataKeyId
    }
}
