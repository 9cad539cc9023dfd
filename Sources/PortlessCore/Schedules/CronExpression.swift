public import Foundation

/// `cron(minutes hours day-of-month month day-of-week year)` as EventBridge and Systems Manager read it, in UTC:
/// lists, ranges, steps and names in every field, `?` in one of the two day fields, `L`, `L-n`, `LW` and `nW` in
/// day-of-month, `L`, `nL` and `n#k` in day-of-week (1 = SUN … 7 = SAT), years 1970–2199.
public struct CronExpression: Sendable, Hashable {
    /// Day-of-month.
    public enum MonthDay: Sendable, Hashable {
        /// `?`: the day-of-week field decides.
        case any
        case days(Set<Int>)
        /// `L` (offset 0) or `L-n`: the last day of the month, or n days before it.
        case last(offset: Int)
        /// `LW`: the last weekday (Monday–Friday) of the month.
        case lastWeekday
        /// `nW`: the weekday nearest day n, within the same month.
        case nearestWeekday(Int)
    }

    /// Day-of-week (1 = Sunday … 7 = Saturday).
    public enum WeekDay: Sendable, Hashable {
        /// `?`: the day-of-month field decides.
        case any
        case days(Set<Int>)
        /// `nL` (`L` alone is 7, Saturday): the last such weekday of the month.
        case last(Int)
        /// `n#k`: the k-th such weekday of the month.
        case nth(Int, Int)
    }

    public static let years = 1970...2199

    /// Minutes past the hour, ascending.
    public var minutes: [Int]
    /// Hours of the day, ascending.
    public var hours: [Int]
    public var monthDay: MonthDay
    public var months: Set<Int>
    public var weekDay: WeekDay
    public var years: Set<Int>

    /// Every time of day the expression fires at, in minutes after midnight, ascending.
    public var timesOfDay: [Int] { hours.flatMap { hour in minutes.map { hour * 60 + $0 } } }

    /// Parses the text between `cron(` and `)`: six fields, or five (no year) when `yearOptional`.
    public init(parsing body: String, yearOptional: Bool = false) throws(ScheduleExpressionError) {
        let fields = body.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 6 || (yearOptional && fields.count == 5) else {
            throw ScheduleExpressionError(yearOptional
                ? "a cron expression has five or six fields: minutes hours day-of-month month day-of-week [year]"
                : "a cron expression has six fields: minutes hours day-of-month month day-of-week year")
        }
        minutes = try CronField.values(fields[0], field: "minutes", range: 0...59).sorted()
        hours = try CronField.values(fields[1], field: "hours", range: 0...23).sorted()
        monthDay = try Self.monthDay(fields[2])
        months = try CronField.values(fields[3], field: "month", range: 1...12, names: CronField.monthNames)
        weekDay = try Self.weekDay(fields[4])
        years = try fields.count == 6 ? CronField.values(fields[5], field: "year", range: Self.years) : Set(Self.years)
        switch (monthDay, weekDay) {
        case (.any, .any):
            throw ScheduleExpressionError("only one of day-of-month and day-of-week may be '?'")
        case (.any, _), (_, .any):
            break
        default:
            throw ScheduleExpressionError("one of day-of-month and day-of-week must be '?'")
        }
    }

    /// The first whole minute strictly after `date` that the expression matches; nil if none up to 2199.
    public func nextFire(after date: Date) -> Date? {
        let after = Int((date.timeIntervalSince1970 / 60).rounded(.down)) + 1
        let firstDay = Int((Double(after) / 1440).rounded(.down))
        var ordinal = firstDay
        let times = timesOfDay
        while true {
            let day = CivilDay(ordinal: ordinal)
            guard day.year <= Self.years.upperBound else { return nil }
            if !years.contains(day.year) {
                ordinal = CivilDay(year: day.year + 1, month: 1, day: 1).ordinal
                continue
            }
            if !months.contains(day.month) {
                ordinal = (day.month == 12 ? CivilDay(year: day.year + 1, month: 1, day: 1) : CivilDay(year: day.year, month: day.month + 1, day: 1)).ordinal
                continue
            }
            if matches(day) {
                let earliest = ordinal == firstDay ? after - firstDay * 1440 : 0
                if let time = times.first(where: { $0 >= earliest }) {
                    return Date(timeIntervalSince1970: TimeInterval((ordinal * 1440 + time) * 60))
                }
            }
            ordinal += 1
        }
    }

    /// Whether the day fields select `day`.
    func matches(_ day: CivilDay) -> Bool {
        let length = day.daysInMonth
        switch monthDay {
        case .any: break
        case .days(let days): if !days.contains(day.day) { return false }
        case .last(let offset): if day.day != length - offset { return false }
        case .lastWeekday:
            let last = CivilDay(year: day.year, month: day.month, day: length)
            let back = last.weekday == 1 ? 2 : last.weekday == 7 ? 1 : 0
            if day.day != length - back { return false }
        case .nearestWeekday(let wanted):
            if day.day != Self.nearestWeekday(to: min(wanted, length), year: day.year, month: day.month, length: length) { return false }
        }
        switch weekDay {
        case .any: return true
        case .days(let days): return days.contains(day.weekday)
        case .last(let weekday): return day.weekday == weekday && day.day + 7 > length
        case .nth(let weekday, let nth): return day.weekday == weekday && (day.day - 1) / 7 + 1 == nth
        }
    }

    static func nearestWeekday(to target: Int, year: Int, month: Int, length: Int) -> Int {
        switch CivilDay(year: year, month: month, day: target).weekday {
        case 7: target == 1 ? 3 : target - 1
        case 1: target == length ? target - 2 : target + 1
        default: target
        }
    }

    static func monthDay(_ text: String) throws(ScheduleExpressionError) -> MonthDay {
        let upper = text.uppercased()
        if upper == "?" { return .any }
        if upper == "L" { return .last(offset: 0) }
        if upper == "LW" { return .lastWeekday }
        if upper.hasPrefix("L-") {
            guard let offset = CronField.number(String(upper.dropFirst(2))), (1...30).contains(offset) else {
                throw ScheduleExpressionError("'\(text)' is not a valid day-of-month value (L-1 to L-30)")
            }
            return .last(offset: offset)
        }
        if upper.hasSuffix("W") {
            guard let day = CronField.number(String(upper.dropLast())), (1...31).contains(day) else {
                throw ScheduleExpressionError("'\(text)' is not a valid day-of-month value (1W to 31W)")
            }
            return .nearestWeekday(day)
        }
        return .days(try CronField.values(text, field: "day-of-month", range: 1...31))
    }

    static func weekDay(_ text: String) throws(ScheduleExpressionError) -> WeekDay {
        let upper = text.uppercased()
        if upper == "?" { return .any }
        if upper == "L" { return .last(7) }
        if upper.hasSuffix("L") {
            return .last(try CronField.value(String(upper.dropLast()), field: "day-of-week", range: 1...7, names: CronField.weekdayNames))
        }
        if let hash = upper.firstIndex(of: "#") {
            let weekday = try CronField.value(String(upper[..<hash]), field: "day-of-week", range: 1...7, names: CronField.weekdayNames)
            guard let nth = CronField.number(String(upper[upper.index(after: hash)...])), (1...5).contains(nth) else {
                throw ScheduleExpressionError("'\(text)' is not a valid day-of-week value (the number after # is 1 to 5)")
            }
            return .nth(weekday, nth)
        }
        return .days(try CronField.values(text, field: "day-of-week", range: 1...7, names: CronField.weekdayNames))
    }
}
