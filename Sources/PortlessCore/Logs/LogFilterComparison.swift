import Foundation

/// One comparison of a JSON or space-delimited filter: `= != < <= > >=` against a number, or `=`/`!=`
/// against a string that may hold `*` wildcards.
struct LogFilterComparison: Sendable {
    enum Operator: String, Sendable, CaseIterable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    enum Value: Sendable {
        case number(Double)
        case text(String, wildcard: Bool)
    }

    var op: Operator
    var value: Value

    /// Reads the operator and the value after a selector or field name.
    init(scanning scanner: inout FilterPatternScanner, stops: Set<Character>) throws(PortlessError) {
        // Longest operators first, so `<=` is not read as `<`.
        guard let op = [Operator.notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater].first(where: { scanner.take($0.rawValue) }) else {
            throw PortlessError.Logs.invalidFilterPattern
        }
        self.op = op
        scanner.skipSpaces()
        if scanner.peek == "\"" {
            value = .text(try scanner.quoted(), wildcard: false)
        } else {
            let word = scanner.word(stoppingAt: stops)
            guard !word.isEmpty else { throw PortlessError.Logs.invalidFilterPattern }
            if let number = Double(word) {
                value = .number(number)
            } else {
                value = .text(word, wildcard: word.contains("*"))
            }
        }
        if case .text = value, op != .equal, op != .notEqual { throw PortlessError.Logs.invalidFilterPattern }
    }

    /// Whether a field holding `text` (its number, when it reads as one) satisfies the comparison.
    func holds(text: String, number: Double?) -> Bool {
        switch value {
        case .number(let wanted):
            guard let number else { return false }
            switch op {
            case .equal: return number == wanted
            case .notEqual: return number != wanted
            case .less: return number < wanted
            case .lessOrEqual: return number <= wanted
            case .greater: return number > wanted
            case .greaterOrEqual: return number >= wanted
            }
        case .text(let wanted, let wildcard):
            let equal = wildcard ? Self.glob(wanted, matches: text) : wanted == text
            return op == .equal ? equal : !equal
        }
    }

    /// `*` matches any run of characters.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        guard text.hasPrefix(parts[0]) else { return false }
        var rest = text.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = parts[parts.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
