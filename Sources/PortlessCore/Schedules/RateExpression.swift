public import Foundation

/// `rate(value unit)`: a positive whole number of minutes, hours or days; the unit is singular for 1 and
/// plural otherwise (`rate(1 hour)`, `rate(5 hours)`), as EventBridge and Systems Manager require.
public struct RateExpression: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case second, minute, hour, day

        /// The unit's length in seconds.
        public var seconds: TimeInterval {
            switch self {
            case .second: 1
            case .minute: 60
            case .hour: 3600
            case .day: 86_400
            }
        }
    }

    public var value: Int
    public var unit: Unit

    /// The time between two runs.
    public var interval: TimeInterval { TimeInterval(value) * unit.seconds }

    public init(value: Int, unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// Parses the text between `rate(` and `)`.
    init(parsing body: String, allowsSeconds: Bool) throws(ScheduleExpressionError) {
        let parts = body.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { throw ScheduleExpressionError("a rate expression is rate(value unit), e.g. rate(30 minutes)") }
        guard parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber), parts[0].first != "0",
              parts[0].count <= 9, let value = Int(parts[0]) else {
            throw ScheduleExpressionError("the rate value '\(parts[0])' must be a positive whole number")
        }
        let word = String(parts[1])
        let singular = value == 1
        guard let unit = Unit.allCases.first(where: { word == (singular ? $0.rawValue : $0.rawValue + "s") }),
              unit != .second || allowsSeconds else {
            let expected = singular ? "minute, hour or day" : "minutes, hours or days"
            throw ScheduleExpressionError("the rate unit '\(word)' must be \(expected) (singular for 1, plural otherwise)")
        }
        self.init(value: value, unit: unit)
    }
}
