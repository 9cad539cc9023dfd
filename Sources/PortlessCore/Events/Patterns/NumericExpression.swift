/// `{"numeric": [ ">", 0, "<=", 5 ]}`: one comparison, or a lower bound followed by an upper one.
enum NumericExpression {
    static func compile(_ elements: [PatternJSON], end: PatternLocation) throws(EventPatternError) -> NumericRange {
        func at(_ index: Int) -> PatternLocation { index < elements.count ? elements[index].start : end }
        func number(_ index: Int, _ reason: String) throws(EventPatternError) -> Double {
            guard index < elements.count, case .number(_, let value, _) = elements[index] else { throw EventPatternError(reason, at: at(index)) }
            return value
        }
        func finished(_ index: Int, _ reason: String) throws(EventPatternError) {
            if index < elements.count { throw EventPatternError(reason, at: at(index)) }
        }
        guard let first = elements.first, case .string(let operation, _) = first else {
            throw EventPatternError("Invalid member in numeric match: \(elements.first.map(text) ?? "]")", at: at(0))
        }
        var range = NumericRange()
        switch operation {
        case "=":
            let value = try number(1, "Value of equals must be numeric")
            try finished(2, "Too many elements in numeric expression")
            range.lower = value
            range.upper = value
        case "<", "<=":
            range.upper = try number(1, "Value of \(operation) must be numeric")
            range.upperInclusive = operation == "<="
            try finished(2, "Too many elements in numeric expression")
        case ">", ">=":
            range.lower = try number(1, "Value of \(operation) must be numeric")
            range.lowerInclusive = operation == ">="
            guard elements.count > 2 else { return range }
            guard case .string(let upper, _) = elements[2] else {
                throw EventPatternError("Bad value in numeric range: \(text(elements[2]))", at: at(2))
            }
            guard upper == "<" || upper == "<=" else { throw EventPatternError("Bad numeric range operator: \(upper)", at: at(2)) }
            range.upper = try number(3, "Value of \(upper) must be numeric")
            range.upperInclusive = upper == "<="
            try finished(4, "Too many terms in numeric range expression")
        default:
            throw EventPatternError("Unrecognized numeric range operator: \(operation)", at: at(0))
        }
        return range
    }

    /// A token as the reader prints it in a reason.
    static func text(_ json: PatternJSON) -> String {
        switch json {
        case .object: "{"
        case .array: "["
        case .string(let text, _): text
        case .number(let text, _, _): text
        case .bool(let flag, _): flag ? "true" : "false"
        case .null: "null"
        }
    }
}
