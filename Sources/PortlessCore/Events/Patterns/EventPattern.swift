/// An EventBridge event pattern, compiled once and matched against many events: exact values, `prefix`, `suffix`,
/// `equals-ignore-case`, `anything-but`, `numeric`, `exists`, `wildcard`, `cidr`, `$or`, nested fields, and arrays in
/// events (a field matches when any of its values does).
public struct EventPattern: Sendable {
    /// An object level of the pattern: every field must match, and each `$or` group by at least one of its branches.
    struct Level: Sendable {
        var fields: [(name: String, field: Field)]
        var alternatives: [[Level]]
    }

    /// A field of a level: a nested object, or the list of values one of which the event's value must match.
    enum Field: Sendable {
        case nested(Level)
        case values(Values)
    }

    /// A field's list: any matcher matching any of the event's values, or the field being absent when the list
    /// holds `{"exists": false}`.
    struct Values: Sendable {
        var matchers: [ValueMatcher]
        var acceptsAbsence: Bool
    }

    private(set) var root: Level
    /// The pattern's text as given.
    public let source: String

    /// Compiles `text`; a malformed pattern throws ``EventPatternError`` with EventBridge's reason.
    public init(parsing text: String) throws(EventPatternError) {
        var reader = PatternJSONReader(text)
        let json = try reader.read()
        root = try EventPatternCompiler.compile(json)
        source = text
    }

    /// Whether `event` (an object: the envelope with its `detail`) matches.
    public func matches(_ event: JSONValue) -> Bool {
        Self.matches(root, event.objectValue)
    }

    /// The exact strings the pattern demands of a top-level field (`source`, `detail-type`) when it demands
    /// nothing else of it: an event whose field is none of them cannot match.
    public func requiredStrings(of name: String) -> Set<String>? {
        guard let field = root.fields.last(where: { $0.name == name })?.field, case .values(let values) = field,
              !values.acceptsAbsence else { return nil }
        var strings = Set<String>()
        for matcher in values.matchers {
            guard case .string(let text) = matcher else { return nil }
            strings.insert(text)
        }
        return strings
    }

    /// The pattern without the top-level fields `names`: what is left to check of an event already known to meet them
    /// (the index has looked the event up by them).
    func dropping(_ names: Set<String>) -> EventPattern {
        var copy = self
        copy.root.fields.removeAll { names.contains($0.name) }
        return copy
    }

    static func matches(_ level: Level, _ object: [String: JSONValue]?) -> Bool {
        for (name, field) in level.fields where !matches(field, object?[name]) { return false }
        for group in level.alternatives where !group.contains(where: { matches($0, object) }) { return false }
        return true
    }

    private static func matches(_ field: Field, _ value: JSONValue?) -> Bool {
        switch field {
        case .nested(let level):
            if case .object(let object)? = value { return matches(level, object) }
            var objects: [[String: JSONValue]] = []
            if let value { collectObjects(value, into: &objects) }
            guard !objects.isEmpty else { return matches(level, nil) }
            return objects.contains { matches(level, $0) }
        case .values(let values):
            guard let value else { return values.acceptsAbsence }
            var sawValue = false
            if anyValue(of: value, matches: values.matchers, sawValue: &sawValue) { return true }
            return !sawValue && values.acceptsAbsence
        }
    }

    /// Whether a value held by `value` (itself, or an element of it when an array, at any depth; objects hold
    /// none) matches one of `matchers`; `sawValue` tells whether it held any.
    private static func anyValue(of value: JSONValue, matches matchers: [ValueMatcher], sawValue: inout Bool) -> Bool {
        switch value {
        case .object:
            return false
        case .array(let elements):
            for element in elements where anyValue(of: element, matches: matchers, sawValue: &sawValue) { return true }
            return false
        default:
            sawValue = true
            return matchers.contains { $0.matches(value) }
        }
    }

    private static func collectObjects(_ value: JSONValue, into objects: inout [[String: JSONValue]]) {
        switch value {
        case .object(let object): objects.append(object)
        case .array(let elements): for element in elements { collectObjects(element, into: &objects) }
        default: break
        }
    }
}
