public import Foundation

/// The schedules State Manager accepts for an association, and when one runs next.
///
/// `rate(N minutes|hours|days)` at least every `minimumInterval` (30 minutes), or `cron(...)` in five or six
/// fields whose month is `*` (State Manager does not take months) and whose times of day are at least
/// `minimumInterval` apart. `ApplyOnlyAtCronInterval` and `ScheduleOffset` (1–6 days, only with
/// `ApplyOnlyAtCronInterval`) apply to cron expressions only.
public struct AssociationSchedule: Sendable, Hashable {
    public static let minimumInterval: TimeInterval = 30 * 60

    public var expression: ScheduleExpression
    public var offsetDays: Int

    /// Parses and checks `text`; `minimumInterval` and `allowsSeconds` are lowered only by tests.
    public init(parsing text: String, offsetDays: Int?, applyOnlyAtCronInterval: Bool,
                minimumInterval: TimeInterval = Self.minimumInterval, allowsSeconds: Bool = false) throws {
        guard !text.isEmpty, text.count <= 256 else {
            throw ConstraintViolation.error(.validation, value: text, field: "ScheduleExpression", text.isEmpty ? .minLength(1) : .maxLength(256))
        }
        let expression: ScheduleExpression
        do throws(ScheduleExpressionError) {
            expression = try ScheduleExpression(parsing: text, options: .init(yearOptional: true, allowsSeconds: allowsSeconds))
        } catch {
            throw PortlessError.Associations.invalidSchedule(error.reason)
        }
        switch expression {
        case .rate(let rate):
            guard rate.interval >= minimumInterval else {
                throw PortlessError.Associations.invalidSchedule("a rate must be at least \(Self.describe(minimumInterval))")
            }
            if applyOnlyAtCronInterval {
                throw PortlessError(.invalidParameters, "ApplyOnlyAtCronInterval is not supported for rate expressions.", field: "ApplyOnlyAtCronInterval")
            }
        case .cron(let cron):
            guard cron.months.count == 12 else {
                throw PortlessError.Associations.invalidSchedule("State Manager does not support months in cron expressions; use * as the month")
            }
            guard let gap = Self.shortestGap(cron.timesOfDay), TimeInterval(gap * 60) >= minimumInterval else {
                throw PortlessError.Associations.invalidSchedule("runs must be at least \(Self.describe(minimumInterval)) apart")
            }
        }
        if let offsetDays {
            guard (1...6).contains(offsetDays) else {
                throw ConstraintViolation.error(.validation, value: String(offsetDays), field: "ScheduleOffset",
                                                offsetDays < 1 ? .minValue(1) : .maxValue(6))
            }
            guard expression.isCron, applyOnlyAtCronInterval else {
                throw PortlessError(.invalidParameters, "ScheduleOffset needs a cron expression and ApplyOnlyAtCronInterval.", field: "ScheduleOffset")
            }
        }
        self.expression = expression
        self.offsetDays = offsetDays ?? 0
    }

    /// The first run strictly after `date`: one interval after it for a rate; the next cron time, `offsetDays` later.
    public func nextRun(after date: Date) -> Date? {
        let shift = TimeInterval(offsetDays) * 86_400
        return expression.nextFire(after: date.addingTimeInterval(-shift))?.addingTimeInterval(shift)
    }

    /// The shortest time in minutes between two consecutive runs, counting from the last run of a day to the first of
    /// the next; nil when the expression has no time of day.
    static func shortestGap(_ times: [Int]) -> Int? {
        guard let first = times.first, let last = times.last else { return nil }
        return zip(times, times.dropFirst()).map { $1 - $0 }.reduce(first + 1440 - last, min)
    }

    static func describe(_ interval: TimeInterval) -> String {
        interval.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(interval / 60)) minutes" : "\(Int(interval)) seconds"
    }
}
