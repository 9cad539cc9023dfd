import Foundation
import Testing
@testable import PortlessCore

/// Table tests for schedule expressions: what parses, what is refused and why, and when each fires next (UTC).
@Suite struct ScheduleExpressionTests {
    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    /// (expression, after, next fire).
    static let fires: [(String, String, String)] = [
        ("rate(5 minutes)", "2024-01-01T00:00:00Z", "2024-01-01T00:05:00Z"),
        ("rate(1 hour)", "2024-01-01T00:00:30Z", "2024-01-01T01:00:30Z"),
        ("rate(2 days)", "2024-02-28T12:00:00Z", "2024-03-01T12:00:00Z"),
        ("cron(0 10 * * ? *)", "2024-01-01T09:59:59Z", "2024-01-01T10:00:00Z"),
        ("cron(0 10 * * ? *)", "2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z"),
        ("cron(15 10 ? * MON-FRI *)", "2024-01-05T11:00:00Z", "2024-01-08T10:15:00Z"),
        ("cron(0/15 * * * ? *)", "2024-01-01T00:07:00Z", "2024-01-01T00:15:00Z"),
        ("cron(5,35 14 * * ? *)", "2024-01-01T14:06:00Z", "2024-01-01T14:35:00Z"),
        ("cron(0 18 ? * MON-FRI *)", "2024-06-07T18:00:00Z", "2024-06-10T18:00:00Z"),
        ("cron(0 8 1 * ? *)", "2024-01-15T00:00:00Z", "2024-02-01T08:00:00Z"),
        ("cron(0 0 L * ? *)", "2024-02-01T00:00:00Z", "2024-02-29T00:00:00Z"),
        ("cron(0 0 L * ? *)", "2023-02-01T00:00:00Z", "2023-02-28T00:00:00Z"),
        ("cron(0 0 L-2 * ? *)", "2024-04-01T00:00:00Z", "2024-04-28T00:00:00Z"),
        ("cron(0 0 LW * ? *)", "2024-08-01T00:00:00Z", "2024-08-30T00:00:00Z"),
        ("cron(0 0 15W * ? *)", "2024-06-01T00:00:00Z", "2024-06-14T00:00:00Z"),
        ("cron(0 0 1W * ? *)", "2024-06-01T00:00:00Z", "2024-06-03T00:00:00Z"),
        ("cron(0 0 30W * ? *)", "2024-06-01T00:00:00Z", "2024-06-28T00:00:00Z"),
        ("cron(0 0 ? * 6L *)", "2024-05-01T00:00:00Z", "2024-05-31T00:00:00Z"),
        ("cron(0 0 ? * L *)", "2024-05-01T00:00:00Z", "2024-05-25T00:00:00Z"),
        ("cron(0 0 ? * THU#2 *)", "2024-05-01T00:00:00Z", "2024-05-09T00:00:00Z"),
        ("cron(30 23 ? * 3#3 *)", "2024-05-22T00:00:00Z", "2024-06-18T23:30:00Z"),
        ("cron(0 12 1 JAN,jul ? *)", "2024-02-01T00:00:00Z", "2024-07-01T12:00:00Z"),
        ("cron(0 0 29 2 ? *)", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
        ("cron(0 0 1 1 ? 2030)", "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z"),
        ("cron(0 0 1 1 ? 2020-2022)", "2024-01-01T00:00:00Z", ""),
        ("cron(10-20/5 1 * * ? *)", "2024-01-01T01:11:00Z", "2024-01-01T01:15:00Z"),
        ("cron(0 */6 ? * SUN *)", "2024-01-06T20:00:00Z", "2024-01-07T00:00:00Z"),
    ]

    @Test(arguments: fires)
    func nextFire(expression: String, after: String, expected: String) throws {
        let schedule = try ScheduleExpression(parsing: expression)
        let next = schedule.nextFire(after: Self.date(after))
        #expect(next == (expected.isEmpty ? nil : Self.date(expected)), "\(expression) after \(after)")
    }

    /// (expression, what the refusal says).
    static let refusals: [(String, String)] = [
        ("rate(1 minutes)", "singular for 1"),
        ("rate(5 minute)", "singular for 1"),
        ("rate(0 minutes)", "positive whole number"),
        ("rate(5 weeks)", "the rate unit 'weeks'"),
        ("rate(5)", "rate(value unit)"),
        ("rate(10 seconds)", "the rate unit 'seconds'"),
        ("every(5 minutes)", "rate(value unit) or cron(fields)"),
        ("cron(0 10 * * ?)", "six fields"),
        ("cron(0 10 * * * *)", "one of day-of-month and day-of-week must be '?'"),
        ("cron(0 10 ? * ? *)", "only one of day-of-month and day-of-week may be '?'"),
        ("cron(60 10 * * ? *)", "'60' is not a valid minutes value"),
        ("cron(0 24 * * ? *)", "'24' is not a valid hours value"),
        ("cron(0 0 32 * ? *)", "'32' is not a valid day-of-month value"),
        ("cron(0 0 ? 13 * *)", "'13' is not a valid month value"),
        ("cron(0 0 ? * 8 *)", "'8' is not a valid day-of-week value"),
        ("cron(0 0 ? * MON#6 *)", "the number after # is 1 to 5"),
        ("cron(0 0 1 * ? 1969)", "'1969' is not a valid year value"),
        ("cron(20-10 0 * * ? *)", "runs backwards"),
        ("cron(0/0 0 * * ? *)", "positive step"),
        ("cron(0,,5 0 * * ? *)", "empty list entry"),
        ("cron(0 0 L-31 * ? *)", "L-1 to L-30"),
    ]

    @Test(arguments: refusals)
    func refused(expression: String, reason: String) {
        #expect {
            _ = try ScheduleExpression(parsing: expression)
        } throws: { error in
            (error as? ScheduleExpressionError)?.reason.contains(reason) ?? false
        }
    }

    @Test func optionsWidenTheGrammar() throws {
        let options = ScheduleExpression.Options(yearOptional: true, allowsSeconds: true)
        #expect(try ScheduleExpression(parsing: "rate(10 seconds)", options: options) == .rate(RateExpression(value: 10, unit: .second)))
        let fiveFields = try ScheduleExpression(parsing: "cron(0 10 ? * SUN)", options: options)
        #expect(fiveFields.nextFire(after: Self.date("2024-01-01T00:00:00Z")) == Self.date("2024-01-07T10:00:00Z"))
    }

    /// (expression, offset, apply only at cron times, error code or nil when accepted).
    static let associationRules: [(String, Int?, Bool, String?)] = [
        ("rate(30 minutes)", nil, false, nil),
        ("rate(29 minutes)", nil, false, "InvalidSchedule"),
        ("rate(1 day)", nil, true, "InvalidParameters"),
        ("cron(0 2 ? * SUN *)", nil, true, nil),
        ("cron(0 2 ? * SUN)", nil, false, nil),
        ("cron(0/30 * * * ? *)", nil, false, nil),
        ("cron(0/15 * * * ? *)", nil, false, "InvalidSchedule"),
        ("cron(50 23 * * ? *)", nil, false, nil),
        ("cron(0 0 1 JAN ? *)", nil, false, "InvalidSchedule"),
        ("cron(0 0 ? * THU#2 *)", 3, true, nil),
        ("cron(0 0 ? * THU#2 *)", 3, false, "InvalidParameters"),
        ("cron(0 0 ? * THU#2 *)", 7, true, "ValidationException"),
        ("rate(1 hour)", 2, false, "InvalidParameters"),
        ("at(2020-07-07T15:55:00)", nil, false, "InvalidSchedule"),
    ]

    @Test(arguments: associationRules)
    func associationSchedule(expression: String, offset: Int?, applyOnly: Bool, code: String?) {
        do {
            _ = try AssociationSchedule(parsing: expression, offsetDays: offset, applyOnlyAtCronInterval: applyOnly)
            #expect(code == nil, "\(expression) was accepted")
        } catch {
            #expect((error as? PortlessError)?.code.rawValue == code, "\(expression): \(error)")
        }
    }

    @Test func offsetDelaysEachCronTime() throws {
        let schedule = try AssociationSchedule(parsing: "cron(0 0 ? * THU#2 *)", offsetDays: 3, applyOnlyAtCronInterval: true)
        // The second Thursday of May 2024 is the 9th; three days later is Sunday the 12th.
        #expect(schedule.nextRun(after: Self.date("2024-05-01T00:00:00Z")) == Self.date("2024-05-12T00:00:00Z"))
        #expect(schedule.nextRun(after: Self.date("2024-05-10T00:00:00Z")) == Self.date("2024-05-12T00:00:00Z"))
    }

    @Test func civilDaysRoundTrip() {
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDay(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(CivilDay(year: 2024, month: 5, day: 9).weekday == 5)
        #expect(CivilDay(year: 1970, month: 1, day: 1).weekday == 5)
    }
}
