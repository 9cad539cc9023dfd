/// One `{ "operator": … }` entry of a pattern field's list, compiled to a ``ValueMatcher`` (nil: `{"exists": false}`).
enum MatchExpression {
    static func compile(_ members: [PatternJSON.Member], end: PatternLocation) throws(EventPatternError) -> ValueMatcher? {
        guard let first = members.first else { throw EventPatternError("Match expression name not found", at: end) }
        let value = first.value
        let matcher: ValueMatcher?
        switch first.name {
        case "exactly":
            matcher = .string(try string(value, "exact match pattern must be a string"))
        case "prefix", "suffix":
            let isPrefix = first.name == "prefix"
            if case .object(let inner, _, let innerEnd) = value {
                let text = try ignoringCase(inner, end: innerEnd, kind: isPrefix ? "Prefix" : "Suffix")
                matcher = isPrefix ? .prefixIgnoringCase(text) : .suffixIgnoringCase(text)
            } else {
                let text = try string(value, "\(first.name) match pattern must be a string")
                matcher = isPrefix ? .prefix(text) : .suffix(text)
            }
        case "numeric":
            guard case .array(let elements, _, let arrayEnd) = value else {
                throw EventPatternError("Value of numeric must be an array.", at: value.start)
            }
            matcher = .numeric(try NumericExpression.compile(elements, end: arrayEnd))
            try single(members, "Too many elements in numeric expression")
            return matcher
        case "anything-but":
            matcher = try AnythingButExpression.compile(value)
            try single(members, "Too many elements in numeric expression")
            return matcher
        case "exists":
            guard case .bool(let flag, _) = value else {
                throw EventPatternError("exists match pattern must be either true or false.", at: value.start)
            }
            matcher = flag ? .exists : nil
        case "cidr":
            let text = try string(value, "prefix match pattern must be a string")
            do {
                matcher = .cidr(try CIDRRange(parsing: text))
            } catch {
                throw EventPatternError(error.reason, at: value.end)
            }
        case "equals-ignore-case":
            matcher = .equalsIgnoringCase(try string(value, "equals-ignore-case match pattern must be a string").lowercased())
        case "wildcard":
            matcher = .wildcard(try wildcard(value))
        default:
            throw EventPatternError("Unrecognized match type \(first.name)", at: first.nameEnd)
        }
        try single(members, "Only one key allowed in match expression")
        return matcher
    }

    /// Refuses a second key in an expression object, where the reader meets it.
    static func single(_ members: [PatternJSON.Member], _ reason: String) throws(EventPatternError) {
        if members.count > 1 { throw EventPatternError(reason, at: members[1].nameEnd) }
    }

    static func string(_ value: PatternJSON, _ reason: String) throws(EventPatternError) -> String {
        guard case .string(let text, _) = value else { throw EventPatternError(reason, at: value.start) }
        return text
    }

    static func wildcard(_ value: PatternJSON) throws(EventPatternError) -> EventWildcard {
        let text = try string(value, "wildcard match pattern must be a string")
        do {
            return try EventWildcard(parsing: text)
        } catch {
            throw EventPatternError(error.reason, at: value.end)
        }
    }

    /// `{"prefix": {"equals-ignore-case": "…"}}` and its suffix twin: the lowercased text.
    private static func ignoringCase(_ inner: [PatternJSON.Member], end: PatternLocation, kind: String) throws(EventPatternError) -> String {
        guard let member = inner.first else { throw EventPatternError("\(kind) expression name not found", at: end) }
        guard member.name == "equals-ignore-case" else {
            throw EventPatternError("Unsupported \(kind.lowercased()) pattern: \(member.name)", at: member.nameEnd)
        }
        let text = try string(member.value, "equals-ignore-case match pattern must be a string")
        try single(inner, "Only one key allowed in match expression")
        return text.lowercased()
    }
}
