import Foundation
import PortlessCore

/// Every CloudWatch Logs request member Portless reads; each operation takes the ones it needs.
struct LogsRequest: Decodable, Sendable {
    var logGroupName: String?
    var logGroupIdentifier: String?
    var logGroupNamePrefix: String?
    var logGroupClass: String?
    var logStreamName: String?
    var logStreamNamePrefix: String?
    var logStreamNames: [String]?
    var kmsKeyId: String?
    var retentionInDays: Int?
    var orderBy: String?
    var descending: Bool?
    var nextToken: String?
    var limit: Int?
    var logEvents: [LogEvent]?
    var startTime: Int64?
    var endTime: Int64?
    var startFromHead: Bool?
    var filterPattern: String?

    /// The group named by `logGroupName` or by `logGroupIdentifier` (a name or an ARN), one of them required
    /// when `required`.
    func groupName(required: Bool = true) throws -> String? {
        switch (logGroupName, logGroupIdentifier) {
        case (.some, .some): throw PortlessError.Logs.groupNameOrIdentifier
        case (.some(let name), nil): return name
        case (nil, .some(let identifier)): return Self.name(fromIdentifier: identifier)
        case (nil, nil):
            if required { throw ConstraintViolation.error(.logsInvalidParameter, value: nil, field: "logGroupName", .notNull) }
            return nil
        }
    }

    /// `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]` → `NAME`; a plain name stays as it is.
    static func name(fromIdentifier identifier: String) -> String {
        guard identifier.hasPrefix("arn:"), let range = identifier.range(of: ":log-group:") else { return identifier }
        let rest = identifier[range.upperBound...]
        return String(rest.hasSuffix(":*") ? rest.dropLast(2) : rest)
    }

    func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw ConstraintViolation.error(.logsInvalidParameter, value: nil, field: field, .notNull) }
        return value
    }

    /// `limit` within `range`, or `fallback`.
    func limit(in range: ClosedRange<Int>, fallback: Int) throws -> Int {
        guard let limit else { return fallback }
        guard range.contains(limit) else {
            throw ConstraintViolation.error(.logsInvalidParameter, value: String(limit), field: "limit",
                                            limit < range.lowerBound ? .minValue(range.lowerBound) : .maxValue(range.upperBound))
        }
        return limit
    }
}

/// A log group as DescribeLogGroups lists it.
struct LogGroupShape: Encodable {
    var logGroupName: String
    var creationTime: Int64
    var retentionInDays: Int?
    var metricFilterCount = 0
    var arn: String
    var logGroupArn: String
    var storedBytes: Int64
    var kmsKeyId: String?
    var logGroupClass: String

    init(_ group: LogGroupRecord, storedBytes: Int64, region: String) {
        logGroupName = group.name
        creationTime = group.creationTime
        retentionInDays = group.retentionInDays
        logGroupArn = group.arn(region: region)
        arn = logGroupArn + ":*"
        self.storedBytes = storedBytes
        kmsKeyId = group.kmsKeyId
        logGroupClass = group.logGroupClass.rawValue
    }
}

/// A log stream as DescribeLogStreams lists it.
struct LogStreamShape: Encodable {
    var logStreamName: String
    var creationTime: Int64
    var firstEventTimestamp: Int64?
    var lastEventTimestamp: Int64?
    var lastIngestionTime: Int64?
    var uploadSequenceToken: String
    var arn: String
    var storedBytes: Int64

    init(_ stream: LogStreamRecord, accountId: String, region: String) {
        logStreamName = stream.name
        creationTime = stream.creationTime
        firstEventTimestamp = stream.firstEventTimestamp
        lastEventTimestamp = stream.lastEventTimestamp
        lastIngestionTime = stream.lastIngestionTime
        uploadSequenceToken = LogService.sequenceToken(stream)
        arn = LogGroupRecord.arn(region: region, account: accountId, name: stream.groupName) + ":log-stream:" + stream.name
        storedBytes = stream.storedBytes
    }
}

/// PutLogEvents' reply.
struct PutLogEventsReply: Encodable {
    struct Rejected: Encodable {
        var tooNewLogEventStartIndex: Int?
        var tooOldLogEventEndIndex: Int?
        var expiredLogEventEndIndex: Int?
    }

    var nextSequenceToken: String
    var rejectedLogEventsInfo: Rejected?

    init(_ outcome: LogService.PutOutcome) {
        nextSequenceToken = outcome.nextSequenceToken
        let batch = outcome.batch
        rejectedLogEventsInfo = batch.rejectedAny ? Rejected(tooNewLogEventStartIndex: batch.tooNewStartIndex, tooOldLogEventEndIndex: batch.tooOldEndIndex,
                                                             expiredLogEventEndIndex: batch.expiredEndIndex) : nil
    }
}

/// GetLogEvents' reply: the events and the tokens to read on either way.
struct GetLogEventsReply: Encodable {
    struct Event: Encodable {
        var timestamp: Int64
        var message: String
        var ingestionTime: Int64
    }

    var events: [Event]
    var nextForwardToken: String
    var nextBackwardToken: String

    init(_ page: LogService.EventPage) {
        events = page.events.map { Event(timestamp: $0.timestamp, message: $0.message, ingestionTime: $0.ingestionTime) }
        nextForwardToken = LogTokens.streamToken(page.forward, forward: true)
        nextBackwardToken = LogTokens.streamToken(page.backward, forward: false)
    }
}

/// FilterLogEvents' reply.
struct FilterLogEventsReply: Encodable {
    struct Event: Encodable {
        var logStreamName: String
        var timestamp: Int64
        var message: String
        var ingestionTime: Int64
        var eventId: String
    }

    struct SearchedStream: Encodable {
        var logStreamName: String
        var searchedCompletely: Bool
    }

    var events: [Event]
    var searchedLogStreams: [SearchedStream]
    var nextToken: String?

    init(_ page: LogService.FilteredPage) {
        events = page.events.map {
            Event(logStreamName: $0.streamName, timestamp: $0.timestamp, message: $0.message, ingestionTime: $0.ingestionTime,
                  eventId: String($0.sequence))
        }
        searchedLogStreams = page.searchedStreams.map { SearchedStream(logStreamName: $0, searchedCompletely: page.next == nil) }
        nextToken = page.next.map(LogTokens.filterToken)
    }
}
