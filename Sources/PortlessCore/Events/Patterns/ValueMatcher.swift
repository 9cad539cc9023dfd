/// One entry of a pattern field's list: what a single value of the event (a string, number, boolean or null) must be.
enum ValueMatcher: Sendable, Hashable {
    case string(String)
    /// A number matches numerically (`300` matches `3e2`).
    case number(Double)
    case bool(Bool)
    case null
    case prefix(String)
    case suffix(String)
    /// Prefix, suffix or whole string compared without case: the pattern's text is already lowercased.
    case prefixIgnoringCase(String)
    case suffixIgnoringCase(String)
    case equalsIgnoringCase(String)
    case wildcard(EventWildcard)
    case numeric(NumericRange)
    case cidr(CIDRRange)
    /// `{"exists": true}`: any value; `{"exists": false}` is kept as the field's `acceptsAbsence`.
    case exists
    /// `anything-but` with strings (matches any value but those strings) or numbers (any number but those).
    case anythingButStrings(Set<String>)
    case anythingButNumbers(Set<Double>)
    /// `anything-but` with `prefix`, `suffix`, `equals-ignore-case` (lowercased) or `wildcard`: any value that is not
    /// a string matched by one of them.
    case anythingButPrefixes([String])
    case anythingButSuffixes([String])
    case anythingButIgnoringCase(Set<String>)
    case anythingButWildcards([EventWildcard])

    /// Whether `value` (never an object or array) matches.
    func matches(_ value: JSONValue) -> Bool {
        switch self {
        case .string(let expected):
            if case .string(let text) = value { return text == expected }
            return false
        case .number(let expected):
            if case .number(let number) = value { return number == expected }
            return false
        case .bool(let expected):
            if case .bool(let flag) = value { return flag == expected }
            return false
        case .null:
            if case .null = value { return true }
            return false
        case .exists:
            return true
        case .numeric(let range):
            if case .number(let number) = value { return range.contains(number) }
            return false
        case .anythingButNumbers(let excluded):
            if case .number(let number) = value { return !excluded.contains(number) }
            return false
        case .anythingButStrings(let excluded):
            if case .string(let text) = value { return !excluded.contains(text) }
            return true
        default:
            guard case .string(let text) = value else { return isAnythingBut }
            return matches(text: text)
        }
    }

    /// The string matchers, and the `anything-but` forms over strings.
    private func matches(text: String) -> Bool {
        switch self {
        case .prefix(let prefix): text.hasPrefix(prefix)
        case .suffix(let suffix): text.hasSuffix(suffix)
        case .prefixIgnoringCase(let prefix): text.lowercased().hasPrefix(prefix)
        case .suffixIgnoringCase(let suffix): text.lowercased().hasSuffix(suffix)
        case .equalsIgnoringCase(let expected): text.lowercased() == expected
        case .wildcard(let wildcard): wildcard.matches(text)
        case .cidr(let range): range.contains(text)
        case .anythingButPrefixes(let prefixes): !prefixes.contains { text.hasPrefix($0) }
        case .anythingButSuffixes(let suffixes): !suffixes.contains { text.hasSuffix($0) }
        case .anythingButIgnoringCase(let excluded): !excluded.contains(text.lowercased())
        case .anythingButWildcards(let wildcards): !wildcards.contains { $0.matches(text) }
        default: false
        }
    }

    private var isAnythingBut: Bool {
        switch self {
        case .anythingButPrefixes, .anythingButSuffixes, .anythingButIgnoringCase, .anythingButWildcards: true
        default: false
        }
    }
}
