/// Turns a pattern's JSON into ``EventPattern``'s levels, refusing what EventBridge refuses with its reason and the
/// place its reader stood when it saw the fault.
enum EventPatternCompiler {
    /// Names a `$or` branch may not use as fields: the match types, and the words EventBridge keeps for later ones.
    static let reservedInOr: Set<String> = [
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr", "html",
        "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after", "date-on-or-after", "date-before",
        "date-on-or-before", "in-date-range", "ip-address-in-range", "ip-address-not-in-range",
    ]

    static func compile(_ json: PatternJSON) throws(EventPatternError) -> EventPattern.Level {
        guard case .object(let members, _, let end) = json else { throw EventPatternError("Filter is not an object", at: json.start) }
        return try level(members, end: end, inOr: false)
    }

    private static func level(_ members: [PatternJSON.Member], end: PatternLocation, inOr: Bool) throws(EventPatternError) -> EventPattern.Level {
        var result = EventPattern.Level(fields: [], alternatives: [])
        for member in members {
            if member.name == "$or" {
                result.alternatives.append(try alternatives(member.value))
                continue
            }
            if inOr, reservedInOr.contains(member.name) {
                throw EventPatternError("\(member.name) is Ruler reserved fieldName which cannot be used inside $or.", at: member.nameEnd)
            }
            let field: EventPattern.Field
            switch member.value {
            case .object(let nested, _, let nestedEnd):
                field = .nested(try level(nested, end: nestedEnd, inOr: inOr))
            case .array(let elements, _, let arrayEnd):
                field = .values(try values(elements, end: arrayEnd))
            default:
                throw EventPatternError("\"\(member.name)\" must be an object or an array", at: member.value.end)
            }
            // A name given twice: the later one stands, as in EventBridge.
            result.fields.removeAll { $0.name == member.name }
            result.fields.append((member.name, field))
        }
        if members.isEmpty { throw EventPatternError("Empty objects are not allowed", at: end) }
        return result
    }

    private static func alternatives(_ json: PatternJSON) throws(EventPatternError) -> [EventPattern.Level] {
        guard case .array(let elements, _, let end) = json else {
            throw EventPatternError("It must be an Array followed with $or.", at: json.start)
        }
        var branches: [EventPattern.Level] = []
        for element in elements {
            guard case .object(let members, _, let objectEnd) = element else {
                throw EventPatternError("Only JSON object is allowed in array of $or relationship.", at: element.start)
            }
            branches.append(try level(members, end: objectEnd, inOr: true))
        }
        if branches.count < 2 { throw EventPatternError("There must have at least 2 Objects in $or relationship.", at: end) }
        return branches
    }

    private static func values(_ elements: [PatternJSON], end: PatternLocation) throws(EventPatternError) -> EventPattern.Values {
        var result = EventPattern.Values(matchers: [], acceptsAbsence: false)
        for element in elements {
            switch element {
            case .object(let members, _, let objectEnd):
                switch try MatchExpression.compile(members, end: objectEnd) {
                case .some(let matcher): result.matchers.append(matcher)
                case .none: result.acceptsAbsence = true
                }
            case .string(let text, _): result.matchers.append(.string(text))
            case .number(_, let value, _): result.matchers.append(.number(value))
            case .bool(let flag, _): result.matchers.append(.bool(flag))
            case .null: result.matchers.append(.null)
            case .array:
                throw EventPatternError("Match value must be String, number, true, false, or null", at: element.start)
            }
        }
        if elements.isEmpty { throw EventPatternError("Empty arrays are not allowed", at: end) }
        return result
    }
}
