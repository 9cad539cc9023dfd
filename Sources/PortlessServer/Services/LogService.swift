import Foundation
import PortlessCore

/// CloudWatch Logs: an account's log groups and streams, and the events written to them and read back.
/// Times are milliseconds since the epoch, as CloudWatch Logs gives them.
struct LogService: Sendable {
    let store: any LogStore
    /// Seals the events of groups with a KMS key (`LogService+Encryption`).
    let kms: KMSService
    let region: String

    /// What a read found, with the place to go on from.
    struct EventPage: Sendable {
        var events: [StoredLogEvent]
        var forward: LogEventCursor
        var backward: LogEventCursor
    }

    /// What a filtered read found and where the next page starts (nil: none).
    struct FilteredPage: Sendable {
        var events: [StoredLogEvent]
        var searchedStreams: [String]
        var next: LogEventCursor?
    }

    /// A PutLogEvents outcome: what was left out and the stream's next upload token.
    struct PutOutcome: Sendable {
        var batch: LogEventBatch
        var nextSequenceToken: String
    }

    /// The most bytes one read returns, as GetLogEvents and FilterLogEvents cap a reply.
    static let maxReplyBytes = 1_048_576
    /// How many events one FilterLogEvents call examines before it returns with a token to go on.
    static let filterScanBudget = 20_000

    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    // MARK: Groups

    /// Makes a group; with `kmsKeyId` its events are sealed under a data key of that KMS key, made as `caller`.
    func createGroup(accountId: String, name: String, kmsKeyId: String?, logGroupClass: LogGroupClass?, caller: KMSCaller?) async throws {
        try LogNames.checkGroupName(name)
        var record = LogGroupRecord(accountId: accountId, name: name, creationTime: Self.now(), logGroupClass: logGroupClass ?? .standard)
        if let kmsKeyId, let caller { try await associate(kmsKeyId, with: &record, caller: caller) }
        try await store.insertLogGroup(record)
    }

    func deleteGroup(accountId: String, name: String) async throws {
        _ = try await group(accountId: accountId, name: name)
        try await store.deleteLogGroup(accountId: accountId, name: name)
    }

    /// The account's groups starting with `prefix`, each with the bytes it stores.
    func groups(accountId: String, prefix: String?) async throws -> [(group: LogGroupRecord, storedBytes: Int64)] {
        if let prefix { try LogNames.checkGroupName(prefix, field: "logGroupNamePrefix") }
        let groups = try await store.logGroups(accountId: accountId, prefix: prefix)
        let bytes = try await store.logGroupStoredBytes(accountId: accountId, names: groups.map(\.name))
        return groups.map { ($0, bytes[$0.name] ?? 0) }
    }

    func setRetention(accountId: String, name: String, days: Int?) async throws {
        if let days { try LogNames.checkRetention(days) }
        var record = try await group(accountId: accountId, name: name)
        record.retentionInDays = days
        try await store.updateLogGroup(record)
    }

    /// AssociateKmsKey (new events are sealed under a new data key of it, as `caller` may make one) or, without a
    /// key, DisassociateKmsKey (new events are stored as they are; earlier ones stay sealed).
    func setKey(accountId: String, name: String, kmsKeyId: String?, caller: KMSCaller) async throws {
        var record = try await group(accountId: accountId, name: name)
        if let kmsKeyId {
            try await associate(kmsKeyId, with: &record, caller: caller)
        } else {
            record.kmsKeyId = nil
        }
        try await store.updateLogGroup(record)
    }

    func group(accountId: String, name: String) async throws -> LogGroupRecord {
        try LogNames.checkGroupName(name)
        guard let record = try await store.logGroup(accountId: accountId, name: name) else { throw PortlessError.Logs.groupNotFound }
        return record
    }

    // MARK: Streams

    func createStream(accountId: String, groupName: String, name: String) async throws {
        try LogNames.checkGroupName(groupName)
        try LogNames.checkStreamName(name)
        try await store.insertLogStream(accountId: accountId, LogStreamRecord(groupName: groupName, name: name, creationTime: Self.now()))
    }

    func deleteStream(accountId: String, groupName: String, name: String) async throws {
        try LogNames.checkStreamName(name)
        _ = try await group(accountId: accountId, name: groupName)
        guard try await store.logStream(accountId: accountId, groupName: groupName, name: name) != nil else {
            throw PortlessError.Logs.streamNotFound
        }
        try await store.deleteLogStream(accountId: accountId, groupName: groupName, name: name)
    }

    /// A group's streams starting with `prefix`, by name or by last event time.
    func streams(accountId: String, groupName: String, prefix: String?, byLastEventTime: Bool, descending: Bool) async throws -> [LogStreamRecord] {
        if let prefix { try LogNames.checkStreamName(prefix, field: "logStreamNamePrefix") }
        guard !(byLastEventTime && prefix != nil) else {
            throw PortlessError(aws: .logsInvalidParameter, "Cannot order by LastEventTime with a logStreamNamePrefix.", field: "orderBy")
        }
        _ = try await group(accountId: accountId, name: groupName)
        var streams = try await store.logStreams(accountId: accountId, groupName: groupName, prefix: prefix)
        if byLastEventTime {
            streams.sort { ($0.lastEventTimestamp ?? 0, $0.name) < ($1.lastEventTimestamp ?? 0, $1.name) }
        }
        return descending ? streams.reversed() : streams
    }

    // MARK: Events

    /// Checks and stores a batch; events out of the accepted time window are left out and reported.
    func put(accountId: String, groupName: String, streamName: String, events: [LogEvent]) async throws -> PutOutcome {
        try LogNames.checkGroupName(groupName)
        try LogNames.checkStreamName(streamName)
        let group = try await group(accountId: accountId, name: groupName)
        let now = Self.now()
        let batch = try LogEventBatch(events, now: now, retentionInDays: group.retentionInDays)
        let sealed = try await seal(batch.accepted, for: group)
        let stream = try await store.appendLogEvents(accountId: accountId, groupName: groupName, streamName: streamName,
                                                     events: sealed.events, dataKeyId: sealed.dataKeyId, ingestionTime: now, createStream: false)
        return PutOutcome(batch: batch, nextSequenceToken: Self.sequenceToken(stream))
    }

    /// Writes messages for the server itself (command output, rule targets): the group and stream are made
    /// when missing, and the messages are split into batches PutLogEvents would take.
    func deliver(accountId: String, groupName: String, streamName: String, messages: [String], at time: Int64 = now()) async throws {
        if try await store.logGroup(accountId: accountId, name: groupName) == nil {
            do {
                try await createGroup(accountId: accountId, name: groupName, kmsKeyId: nil, logGroupClass: nil, caller: nil)
            } catch let error as PortlessError where error.code == .logsResourceAlreadyExists {
                // Made meanwhile by another writer: the same group either way.
            }
        }
        let group = try await group(accountId: accountId, name: groupName)
        func append(_ batch: [LogEvent]) async throws {
            let sealed = try await seal(batch, for: group)
            _ = try await store.appendLogEvents(accountId: accountId, groupName: groupName, streamName: streamName, events: sealed.events,
                                                dataKeyId: sealed.dataKeyId, ingestionTime: Self.now(), createStream: true)
        }
        var batch: [LogEvent] = []
        var bytes = 0
        for message in messages where !message.isEmpty {
            for piece in Self.pieces(of: message) {
                let size = piece.utf8.count + LogEventBatch.eventOverhead
                if bytes + size > LogEventBatch.maxBatchBytes || batch.count == LogEventBatch.maxEvents {
                    try await append(batch)
                    batch = []
                    bytes = 0
                }
                batch.append(LogEvent(timestamp: time, message: piece))
                bytes += size
            }
        }
        guard !batch.isEmpty else { return }
        try await append(batch)
    }

    /// A stream's events between `start` and `end`: from the head, from the tail, or from a cursor either way.
    func events(accountId: String, groupName: String, streamName: String, start: Int64?, end: Int64?, from cursor: LogEventCursor?,
                forward: Bool, limit: Int) async throws -> EventPage {
        try LogNames.checkStreamName(streamName)
        let group = try await group(accountId: accountId, name: groupName)
        guard try await store.logStream(accountId: accountId, groupName: groupName, name: streamName) != nil else {
            throw PortlessError.Logs.streamNotFound
        }
        var query = LogEventQuery(streams: [streamName], start: start, end: end, limit: limit)
        query.backward = !forward
        if forward { query.after = cursor } else { query.before = cursor }
        var events = try await open(try await store.logEvents(accountId: accountId, groupName: groupName, query: query), of: group)
        events = Self.capped(events, keepingNewest: !forward)
        return EventPage(events: events,
                         forward: events.last.map(LogEventCursor.init) ?? cursor ?? LogEventCursor(timestamp: .min, sequence: 0),
                         backward: events.first.map(LogEventCursor.init) ?? cursor ?? LogEventCursor(timestamp: .max, sequence: .max))
    }

    /// A group's events matching `pattern`, in time order across its streams (or the streams named or prefixed).
    func filter(accountId: String, groupName: String, streamNames: [String]?, streamPrefix: String?, start: Int64?, end: Int64?,
                pattern: LogFilterPattern, after cursor: LogEventCursor?, limit: Int) async throws -> FilteredPage {
        guard streamNames == nil || streamPrefix == nil else {
            throw PortlessError(aws: .logsInvalidParameter, "logStreamNames and logStreamNamePrefix cannot both be specified.",
                                field: "logStreamNames")
        }
        let group = try await group(accountId: accountId, name: groupName)
        var streams = streamNames
        if let streamPrefix {
            try LogNames.checkStreamName(streamPrefix, field: "logStreamNamePrefix")
            streams = try await store.logStreams(accountId: accountId, groupName: groupName, prefix: streamPrefix).map(\.name)
        }
        var matched: [StoredLogEvent] = []
        var position = cursor
        var scanned = 0
        var bytes = 0
        while scanned < Self.filterScanBudget {
            var query = LogEventQuery(streams: streams, start: start, end: end, limit: min(1000, Self.filterScanBudget - scanned))
            query.after = position
            let chunk = try await open(try await store.logEvents(accountId: accountId, groupName: groupName, query: query), of: group)
            guard !chunk.isEmpty else {
                return FilteredPage(events: matched, searchedStreams: streams ?? [], next: nil)
            }
            for event in chunk {
                scanned += 1
                position = LogEventCursor(event)
                guard pattern.matches(event.message) else { continue }
                bytes += event.message.utf8.count + LogEventBatch.eventOverhead
                if bytes > Self.maxReplyBytes && !matched.isEmpty {
                    return FilteredPage(events: matched, searchedStreams: streams ?? [], next: LogEventCursor(matched[matched.count - 1]))
                }
                matched.append(event)
                if matched.count == limit {
                    return FilteredPage(events: matched, searchedStreams: streams ?? [], next: position)
                }
            }
        }
        return FilteredPage(events: matched, searchedStreams: streams ?? [], next: position)
    }

    /// Removes events older than their group's retention.
    func expire() async throws -> Int { try await store.expireLogEvents(now: Self.now()) }

    // MARK: Rules

    /// A stream's upload token: CloudWatch Logs no longer checks it, but still hands one out.
    static func sequenceToken(_ stream: LogStreamRecord) -> String { String(format: "%056lld", stream.eventCount) }

    /// Events up to the reply size, dropping from the far end.
    static func capped(_ events: [StoredLogEvent], keepingNewest: Bool) -> [StoredLogEvent] {
        var bytes = 0
        var kept: [StoredLogEvent] = []
        for event in keepingNewest ? events.reversed() : events {
            bytes += event.message.utf8.count + LogEventBatch.eventOverhead
            if bytes > maxReplyBytes && !kept.isEmpty { break }
            kept.append(event)
        }
        return keepingNewest ? kept.reversed() : kept
    }

    /// A message cut into events no larger than one event may be.
    static func pieces(of message: String) -> [String] {
        let limit = LogEventBatch.maxEventBytes - LogEventBatch.eventOverhead
        guard message.utf8.count > limit else { return [message] }
        var pieces: [String] = []
        var current = ""
        var size = 0
        for character in message {
            let width = String(character).utf8.count
            if size + width > limit {
                pieces.append(current)
                current = ""
                size = 0
            }
            current.append(character)
            size += width
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
