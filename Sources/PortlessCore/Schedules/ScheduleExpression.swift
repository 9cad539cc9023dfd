public import Foundation

/// A schedule as AWS writes it: `rate(value unit)` or `cron(minutes hours day-of-month month day-of-week year)`,
/// always in UTC. Parsing is pure; ``nextFire(after:)`` answers when it fires next.
public enum ScheduleExpression: Sendable, Hashable {
    case rate(RateExpression)
    case cron(CronExpression)

    /// What a parse accepts beyond EventBridge's grammar.
    public struct Options: Sendable, Hashable {
        /// `cron(...)` with five fields, the year left out (State Manager's form); six are always accepted.
        public var yearOptional: Bool
        /// `rate(N second|seconds)`: only for tests that cannot wait whole minutes.
        public var allowsSeconds: Bool

        public init(yearOptional: Bool = false, allowsSeconds: Bool = false) {
            self.yearOptional = yearOptional
            self.allowsSeconds = allowsSeconds
        }
    }

    /// Parses `text`; a malformed expression throws ``ScheduleExpressionError`` saying what is wrong.
    public init(parsing text: String, options: Options = Options()) throws(ScheduleExpressionError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")") else { throw ScheduleExpressionError("must be rate(value unit) or cron(fields)") }
        if trimmed.hasPrefix("rate(") {
            self = .rate(try RateExpression(parsing: String(trimmed.dropFirst(5).dropLast()), allowsSeconds: options.allowsSeconds))
        } else if trimmed.hasPrefix("cron(") {
            self = .cron(try CronExpression(parsing: String(trimmed.dropFirst(5).dropLast()), yearOptional: options.yearOptional))
        } else {
            throw ScheduleExpressionError("must be rate(value unit) or cron(fields)")
        }
    }

    /// The first time after `date` the schedule fires: for a rate, one interval after `date` (the previous run);
    /// for cron, the next matching minute. Nil when a cron expression never fires again.
    public func nextFire(after date: Date) -> Date? {
        switch self {
        case .rate(let rate): date.addingTimeInterval(rate.interval)
        case .cron(let cron): cron.nextFire(after: date)
        }
    }

    /// Whether this is a cron expression.
    public var isCron: Bool {
        if case .cron = self { return true }
        return false
    }
}

/// Why a schedule expression is malformed, in words for the caller.
public struct ScheduleExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
