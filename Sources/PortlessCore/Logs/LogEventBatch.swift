/// A PutLogEvents batch checked against CloudWatch Logs' rules: a refused batch throws with AWS's text; events
/// too old (more than 14 days, or beyond the group's retention) or too new (more than 2 hours ahead) are
/// left out and reported by index, as `rejectedLogEventsInfo` reports them.
public struct LogEventBatch: Sendable {
    /// Bytes every event counts beyond its message.
    public static let eventOverhead = 26
    public static let maxBatchBytes = 1_048_576
    public static let maxEventBytes = 262_144
    public static let maxEvents = 10_000
    static let day: Int64 = 86_400_000

    /// The events to store.
    public private(set) var accepted: [LogEvent] = []
    /// Index of the last event older than 14 days, if any.
    public private(set) var tooOldEndIndex: Int?
    /// Index of the last event older than the group's retention, if any.
    public private(set) var expiredEndIndex: Int?
    /// Index of the first event more than 2 hours ahead, if any.
    public private(set) var tooNewStartIndex: Int?

    /// Checks `events` arriving at `now` (ms) for a group keeping events `retentionInDays`.
    public init(_ events: [LogEvent], now: Int64, retentionInDays: Int?) throws(PortlessError) {
        guard !events.isEmpty else {
            throw ConstraintViolation.withoutValue(.logsInvalidParameter, field: "logEvents", .minLength(1))
        }
        guard events.count <= Self.maxEvents else {
            throw ConstraintViolation.withoutValue(.logsInvalidParameter, field: "logEvents", .maxLength(Self.maxEvents))
        }
        var total = 0
        for (index, event) in events.enumerated() {
            guard !event.message.isEmpty else {
                throw ConstraintViolation.error(.logsInvalidParameter, value: "", field: "logEvents.\(index + 1).member.message", .minLength(1))
            }
            let size = event.message.utf8.count + Self.eventOverhead
            guard size <= Self.maxEventBytes else {
                throw PortlessError(aws: .logsInvalidParameter, "Log event too large: \(size) bytes exceeds limit of \(Self.maxEventBytes)",
                                    field: "logEvents")
            }
            total += size
        }
        guard total <= Self.maxBatchBytes else {
            throw PortlessError(aws: .logsInvalidParameter, "Upload too large: \(total) bytes exceeds limit of \(Self.maxBatchBytes)",
                                field: "logEvents")
        }
        guard zip(events, events.dropFirst()).allSatisfy({ $0.timestamp <= $1.timestamp }) else { throw PortlessError.Logs.notChronological }
        guard let first = events.first, let last = events.last, last.timestamp - first.timestamp <= Self.day else {
            throw PortlessError.Logs.spansTooLong
        }
        let oldest = now - 14 * Self.day
        let retained = retentionInDays.map { now - Int64($0) * Self.day }
        let newest = now + 2 * 3_600_000
        for (index, event) in events.enumerated() {
            if event.timestamp < oldest {
                tooOldEndIndex = index
            } else if let retained, event.timestamp < retained {
                expiredEndIndex = index
            } else if event.timestamp > newest {
                if tooNewStartIndex == nil { tooNewStartIndex = index }
            } else {
                accepted.append(event)
            }
        }
    }

    /// Whether some events were left out.
    public var rejectedAny: Bool { tooOldEndIndex != nil || expiredEndIndex != nil || tooNewStartIndex != nil }
}
