/// Persistence for CloudWatch Logs: groups, streams and their events. Every method is atomic.
public protocol LogStore: Sendable {
    /// Adds a group; throws `ResourceAlreadyExistsException` when the account has one of that name.
    func insertLogGroup(_ group: LogGroupRecord) async throws
    func logGroup(accountId: String, name: String) async throws -> LogGroupRecord?
    /// The account's groups whose names start with `prefix`, by name.
    func logGroups(accountId: String, prefix: String?) async throws -> [LogGroupRecord]
    /// Replaces a group's record (retention, key).
    func updateLogGroup(_ group: LogGroupRecord) async throws
    /// Removes a group with its streams and events.
    func deleteLogGroup(accountId: String, name: String) async throws
    /// The bytes stored in each of the named groups.
    func logGroupStoredBytes(accountId: String, names: [String]) async throws -> [String: Int64]

    /// Adds a stream; throws `ResourceAlreadyExistsException` when the group has one of that name.
    func insertLogStream(accountId: String, _ stream: LogStreamRecord) async throws
    func logStream(accountId: String, groupName: String, name: String) async throws -> LogStreamRecord?
    /// The group's streams whose names start with `prefix`, by name.
    func logStreams(accountId: String, groupName: String, prefix: String?) async throws -> [LogStreamRecord]
    /// Removes a stream with its events.
    func deleteLogStream(accountId: String, groupName: String, name: String) async throws

    /// Appends `events` to a stream (made first when `createStream` and it is missing) and updates its record;
    /// returns the stream as it now is. Messages sealed under a group data key name it in `dataKeyId`. Throws
    /// `ResourceNotFoundException` for a missing group or stream.
    func appendLogEvents(accountId: String, groupName: String, streamName: String, events: [LogEvent], dataKeyId: String?,
                         ingestionTime: Int64, createStream: Bool) async throws -> LogStreamRecord

    /// Events of a group in time order (ties in arrival order): those of `streams` (every stream when nil), with
    /// `timestamp` in `[start, end)`, after or before a cursor, at most `limit`.
    func logEvents(accountId: String, groupName: String, query: LogEventQuery) async throws -> [StoredLogEvent]

    /// Removes the events of every group with a retention period that are older than it; returns how many.
    func expireLogEvents(now: Int64) async throws -> Int
}

/// Which events `logEvents` reads.
public struct LogEventQuery: Sendable {
    public var streams: [String]?
    public var start: Int64?
    public var end: Int64?
    /// Only events after this one (reading forward).
    public var after: LogEventCursor?
    /// Reading backward: the last `limit` events before this one (or the end), returned oldest first.
    public var backward = false
    public var before: LogEventCursor?
    public var limit: Int

    public init(streams: [String]? = nil, start: Int64? = nil, end: Int64? = nil, limit: Int) {
        self.streams = streams
        self.start = start
        self.end = end
        self.limit = limit
    }
}

/// A place in a group's time order: an event's timestamp and its arrival sequence.
public struct LogEventCursor: Sendable, Hashable {
    public var timestamp: Int64
    public var sequence: Int64

    public init(timestamp: Int64, sequence: Int64) {
        self.timestamp = timestamp
        self.sequence = sequence
    }

    /// The cursor at `event`.
    public init(_ event: StoredLogEvent) { self.init(timestamp: event.timestamp, sequence: event.sequence) }
}
