import Foundation

/// The `{ … }` form of a filter pattern: comparisons on selectors (`$.a.b`, `$.list[0]`) joined by `&&` and
/// `||` with parentheses, plus `IS NULL`, `NOT EXISTS`, `IS TRUE` and `IS FALSE`. A message that is not a
/// JSON object never matches.
struct LogJSONFilter: Sendable {
    indirect enum Expression: Sendable {
        case all([Expression])
        case any([Expression])
        case compare(JSONPath, LogFilterComparison)
        case isNull(JSONPath)
        case notExists(JSONPath)
        case isBool(JSONPath, Bool)
    }

    let expression: Expression

    init(parsing text: String) throws(PortlessError) {
        var scanner = FilterPatternScanner(text)
        expression = try Self.disjunction(&scanner)
        scanner.skipSpaces()
        guard scanner.isAtEnd else { throw PortlessError.Logs.invalidFilterPattern }
    }

    func matches(_ message: String) -> Bool {
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: Data(message.utf8)), root.objectValue != nil else { return false }
        return Self.evaluate(expression, root)
    }

    private static func evaluate(_ expression: Expression, _ root: JSONValue) -> Bool {
        switch expression {
        case .all(let parts): return parts.allSatisfy { evaluate($0, root) }
        case .any(let parts): return parts.contains { evaluate($0, root) }
        case .isNull(let selector): return selector.value(in: root) == .null
        case .notExists(let selector): return selector.value(in: root) == nil
        case .isBool(let selector, let wanted): return selector.value(in: root) == .bool(wanted)
        case .compare(let selector, let comparison):
            switch selector.value(in: root) {
            case .string(let text): return comparison.holds(text: text, number: nil)
            case .number(let number): return comparison.holds(text: JSONNumberText.text(number), number: number)
            case .bool(let flag): return comparison.holds(text: flag ? "true" : "false", number: nil)
            default: return false
            }
        }
    }

    private static func disjunction(_ scanner: inout FilterPatternScanner) throws(PortlessError) -> Expression {
        var parts = [try conjunction(&scanner)]
        while scanner.take("||") { parts.append(try conjunction(&scanner)) }
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    private static func conjunction(_ scanner: inout FilterPatternScanner) throws(PortlessError) -> Expression {
        var parts = [try term(&scanner)]
        while scanner.take("&&") { parts.append(try term(&scanner)) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private static func term(_ scanner: inout FilterPatternScanner) throws(PortlessError) -> Expression {
        if scanner.take("(") {
            let inner = try disjunction(&scanner)
            guard scanner.take(")") else { throw PortlessError.Logs.invalidFilterPattern }
            return inner
        }
        let selector = try Self.selector(&scanner)
        if scanner.take("IS NULL") { return .isNull(selector) }
        if scanner.take("NOT EXISTS") { return .notExists(selector) }
        if scanner.take("IS TRUE") { return .isBool(selector, true) }
        if scanner.take("IS FALSE") { return .isBool(selector, false) }
        return .compare(selector, try LogFilterComparison(scanning: &scanner, stops: ["(", ")", "&", "|"]))
    }

    /// `$` followed by `.key` and `[index]` steps.
    private static func selector(_ scanner: inout FilterPatternScanner) throws(PortlessError) -> JSONPath {
        guard scanner.take("$") else { throw PortlessError.Logs.invalidFilterPattern }
        var steps: [JSONPath.Step] = []
        while let next = scanner.peek {
            if next == "." {
                scanner.advance()
                var key = ""
                while let character = scanner.peek, character.isLetter || character.isNumber || character == "_" || character == "-" {
                    key.append(character)
                    scanner.advance()
                }
                guard !key.isEmpty else { throw PortlessError.Logs.invalidFilterPattern }
                steps.append(.key(key))
            } else if next == "[" {
                scanner.advance()
                let digits = scanner.word(stoppingAt: ["]"])
                guard let index = Int(digits), index >= 0, scanner.take("]") else { throw PortlessError.Logs.invalidFilterPattern }
                steps.append(.index(index))
            } else {
                break
            }
        }
        guard !steps.isEmpty else { throw PortlessError.Logs.invalidFilterPattern }
        return JSONPath(steps: steps)
    }
}
