/// The value-list grammar shared by every cron field: `*`, `n`, `a-b`, `*/s`, `a/s`, `a-b/s`, joined by commas,
/// with three-letter names where the field has them.
enum CronField {
    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    static let weekdayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    /// The values `text` selects within `range`; `names[i]` stands for `range.lowerBound + i`.
    static func values(_ text: String, field: String, range: ClosedRange<Int>, names: [String] = []) throws(ScheduleExpressionError) -> Set<Int> {
        var selected = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard !item.isEmpty else { throw ScheduleExpressionError("the \(field) field '\(text)' has an empty list entry") }
            let stepParts = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard stepParts.count <= 2 else { throw ScheduleExpressionError("the \(field) field entry '\(item)' has more than one '/'") }
            var step = 1
            if stepParts.count == 2 {
                guard let parsed = number(stepParts[1]), parsed >= 1 else {
                    throw ScheduleExpressionError("the \(field) field entry '\(item)' needs a positive step after '/'")
                }
                step = parsed
            }
            let base = stepParts[0]
            let bounds: (Int, Int)
            if base == "*" {
                bounds = (range.lowerBound, range.upperBound)
            } else if let dash = base.firstIndex(of: "-") {
                let low = try value(String(base[..<dash]), field: field, range: range, names: names)
                let high = try value(String(base[base.index(after: dash)...]), field: field, range: range, names: names)
                guard low <= high else { throw ScheduleExpressionError("the \(field) range '\(base)' runs backwards") }
                bounds = (low, high)
            } else {
                let start = try value(base, field: field, range: range, names: names)
                bounds = (start, stepParts.count == 2 ? range.upperBound : start)
            }
            selected.formUnion(stride(from: bounds.0, through: bounds.1, by: step))
        }
        return selected
    }

    /// One value: a number in `range` or one of `names`.
    static func value(_ text: String, field: String, range: ClosedRange<Int>, names: [String]) throws(ScheduleExpressionError) -> Int {
        if let index = names.firstIndex(of: text.uppercased()) { return range.lowerBound + index }
        guard let number = number(text), range.contains(number) else {
            throw ScheduleExpressionError("'\(text)' is not a valid \(field) value (\(range.lowerBound)-\(range.upperBound)\(names.isEmpty ? "" : " or \(names.first!)-\(names.last!)"))")
        }
        return number
    }

    /// A plain decimal number (ASCII digits only, at most 4 of them).
    static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
