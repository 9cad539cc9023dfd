/// `anything-but`: a value or list of strings or of numbers, or an object with `prefix`, `suffix`,
/// `equals-ignore-case` or `wildcard` and a string or list of strings.
enum AnythingButExpression {
    static func compile(_ value: PatternJSON) throws(EventPatternError) -> ValueMatcher {
        guard case .object(let inner, _, let innerEnd) = value else { return try plain(value) }
        guard let member = inner.first else { throw EventPatternError("Anything-But expression name not found", at: innerEnd) }
        let operation = member.name
        guard ["equals-ignore-case", "prefix", "suffix", "wildcard"].contains(operation) else {
            throw EventPatternError("Unsupported anything-but pattern: \(operation)", at: member.nameEnd)
        }
        let texts = try strings(member.value, operation: operation)
        try MatchExpression.single(inner, "Too many elements in numeric expression")
        switch operation {
        case "equals-ignore-case": return .anythingButIgnoringCase(Set(texts.map { $0.lowercased() }))
        case "prefix": return .anythingButPrefixes(texts)
        case "suffix": return .anythingButSuffixes(texts)
        default:
            var wildcards: [EventWildcard] = []
            for text in texts {
                do {
                    wildcards.append(try EventWildcard(parsing: text))
                } catch {
                    throw EventPatternError(error.reason, at: member.value.end)
                }
            }
            return .anythingButWildcards(wildcards)
        }
    }

    private static func plain(_ value: PatternJSON) throws(EventPatternError) -> ValueMatcher {
        switch value {
        case .string(let text, _): return .anythingButStrings([text])
        case .number(_, let number, _): return .anythingButNumbers([number])
        case .array(let elements, _, let end):
            var texts = Set<String>(), numbers = Set<Double>()
            for element in elements {
                switch element {
                case .string(let text, _): texts.insert(text)
                case .number(_, let number, _): numbers.insert(number)
                default: throw EventPatternError("Inside anything but list, start|null|boolean is not supported.", at: element.start)
                }
            }
            guard texts.isEmpty != numbers.isEmpty else {
                throw EventPatternError("Inside anything but list, either all values are number or string, mixed type is not supported", at: end)
            }
            return texts.isEmpty ? .anythingButNumbers(numbers) : .anythingButStrings(texts)
        default:
            throw EventPatternError("Value of anything-but must be an array or single string/number value.", at: value.start)
        }
    }

    /// The strings of a set form: one string or a list of them, never an empty prefix or suffix.
    private static func strings(_ value: PatternJSON, operation: String) throws(EventPatternError) -> [String] {
        let notString = switch operation {
        case "equals-ignore-case": "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."
        case "wildcard": "wildcard match pattern must be a string"
        default: "prefix/suffix match pattern must be a string"
        }
        let elements: [PatternJSON]
        switch value {
        case .string: elements = [value]
        case .array(let items, _, _): elements = items
        case .number: throw EventPatternError(notString, at: value.start)
        default: throw EventPatternError("Value of anything-but must be an array or single string/number value.", at: value.start)
        }
        var texts: [String] = []
        for element in elements {
            guard case .string(let text, _) = element else { throw EventPatternError(notString, at: element.start) }
            if text.isEmpty, operation == "prefix" || operation == "suffix" {
                throw EventPatternError("Null prefix/suffix not allowed", at: element.start)
            }
            texts.append(text)
        }
        return texts
    }
}
