/// A log stream of a group, with what its events add up to.
public struct LogStreamRecord: Sendable, Hashable, Codable {
    public var groupName: String
    public var name: String
    public var creationTime: Int64
    public var firstEventTimestamp: Int64?
    public var lastEventTimestamp: Int64?
    public var lastIngestionTime: Int64?
    /// The UTF-8 bytes of the messages the stream holds.
    public var storedBytes: Int64
    /// How many events the stream has taken: the upload sequence token is derived from it.
    public var eventCount: Int64

    public init(groupName: String, name: String, creationTime: Int64) {
        self.groupName = groupName
        self.name = name
        self.creationTime = creationTime
        self.storedBytes = 0
        self.eventCount = 0
    }

    /// Counts in a batch of accepted events.
    public mutating func absorb(_ events: [LogEvent], ingestionTime: Int64) {
        guard let first = events.first, let last = events.last else { return }
        firstEventTimestamp = min(firstEventTimestamp ?? first.timestamp, first.timestamp)
        lastEventTimestamp = max(lastEventTimestamp ?? last.timestamp, last.timestamp)
        lastIngestionTime = ingestionTime
        storedBytes += Int64(events.reduce(0) { $0 + $1.message.utf8.count })
        eventCount += Int64(events.count)
    }
}
