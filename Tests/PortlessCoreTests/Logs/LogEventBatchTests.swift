import Testing
@testable import PortlessCore

/// PutLogEvents' batch rules: refusals with AWS's texts, and events left out for age.
@Suite struct LogEventBatchTests {
    static let now: Int64 = 1_700_000_000_000
    static let day: Int64 = 86_400_000

    @Test func acceptsChronologicalEvents() throws {
        let batch = try LogEventBatch([LogEvent(timestamp: Self.now - 5, message: "a"), LogEvent(timestamp: Self.now, message: "b")],
                                      now: Self.now, retentionInDays: nil)
        #expect(batch.accepted.map(\.message) == ["a", "b"])
        #expect(!batch.rejectedAny)
    }

    @Test func refusesEventsOutOfOrder() {
        #expect(throws: PortlessError.Logs.notChronological) {
            try LogEventBatch([LogEvent(timestamp: Self.now, message: "b"), LogEvent(timestamp: Self.now - 1, message: "a")],
                              now: Self.now, retentionInDays: nil)
        }
    }

    @Test func refusesBatchesSpanningMoreThanADay() {
        #expect(throws: PortlessError.Logs.spansTooLong) {
            try LogEventBatch([LogEvent(timestamp: Self.now - Self.day - 1, message: "a"), LogEvent(timestamp: Self.now, message: "b")],
                              now: Self.now, retentionInDays: nil)
        }
    }

    @Test func refusesEmptyAndOversizedInput() {
        #expect(throws: PortlessError.self) { try LogEventBatch([], now: Self.now, retentionInDays: nil) }
        #expect(throws: PortlessError.self) { try LogEventBatch([LogEvent(timestamp: Self.now, message: "")], now: Self.now, retentionInDays: nil) }
        let big = String(repeating: "x", count: LogEventBatch.maxEventBytes)
        #expect(throws: PortlessError(aws: .logsInvalidParameter, "Log event too large: 262170 bytes exceeds limit of 262144", field: "logEvents")) {
            try LogEventBatch([LogEvent(timestamp: Self.now, message: big)], now: Self.now, retentionInDays: nil)
        }
        let large = String(repeating: "y", count: 200_000)
        let events = (0..<6).map { _ in LogEvent(timestamp: Self.now, message: large) }
        #expect(throws: PortlessError(aws: .logsInvalidParameter, "Upload too large: 1200156 bytes exceeds limit of 1048576", field: "logEvents")) {
            try LogEventBatch(events, now: Self.now, retentionInDays: nil)
        }
    }

    @Test func leavesOutEventsTooOldExpiredOrTooNew() throws {
        let batch = try LogEventBatch([
            LogEvent(timestamp: Self.now - 15 * Self.day, message: "too old"),
        ], now: Self.now, retentionInDays: nil)
        #expect(batch.accepted.isEmpty)
        #expect(batch.tooOldEndIndex == 0)

        let hour: Int64 = 3_600_000
        let expiring = try LogEventBatch([
            LogEvent(timestamp: Self.now - 25 * hour, message: "expired"),
            LogEvent(timestamp: Self.now - hour, message: "kept"),
        ], now: Self.now, retentionInDays: 1)
        #expect(expiring.accepted.map(\.message) == ["kept"])
        #expect(expiring.expiredEndIndex == 0)
        let early = try LogEventBatch([
            LogEvent(timestamp: Self.now, message: "kept"),
            LogEvent(timestamp: Self.now + 3 * hour, message: "too new"),
        ], now: Self.now, retentionInDays: nil)
        #expect(early.accepted.map(\.message) == ["kept"])
        #expect(early.tooNewStartIndex == 1)
    }

    @Test func checksNamesAndRetention() {
        #expect(throws: Never.self) { try LogNames.checkGroupName("/aws/ssm/AWS-RunShellScript") }
        #expect(throws: PortlessError.self) { try LogNames.checkGroupName("bad name") }
        #expect(throws: PortlessError.self) { try LogNames.checkStreamName("a:b") }
        #expect(throws: Never.self) { try LogNames.checkRetention(30) }
        #expect(throws: ConstraintViolation.error(.logsInvalidParameter, value: "2", field: "retentionInDays",
                                                  .enumeration(LogNames.retentionDays.map(String.init)))) { try LogNames.checkRetention(2) }
    }
}
