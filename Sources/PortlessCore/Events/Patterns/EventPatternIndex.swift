/// Many rules' patterns, indexed so that an event is matched only against the patterns that could match it: a
/// pattern demanding exact `source` and/or `detail-type` strings is filed under them; the rest are always tried.
public struct EventPatternIndex<Key: Sendable>: Sendable {
    private var bySourceAndType: [String: [Entry]] = [:]
    private var bySource: [String: [Entry]] = [:]
    private var byType: [String: [Entry]] = [:]
    private var unfiled: [Entry] = []

    private struct Entry: Sendable {
        var key: Key
        var pattern: EventPattern
    }

    public init(_ patterns: [(key: Key, pattern: EventPattern)]) {
        for (key, pattern) in patterns {
            let entry = Entry(key: key, pattern: pattern)
            switch (pattern.requiredStrings(of: "source"), pattern.requiredStrings(of: "detail-type")) {
            case (let sources?, let types?):
                for source in sources { for type in types { bySourceAndType[Self.pair(source, type), default: []].append(entry) } }
            case (let sources?, nil):
                for source in sources { bySource[source, default: []].append(entry) }
            case (nil, let types?):
                for type in types { byType[type, default: []].append(entry) }
            case (nil, nil):
                unfiled.append(entry)
            }
        }
    }

    /// The keys of the patterns `event` matches, each once, in the order the patterns were given within each file.
    public func matches(_ event: JSONValue) -> [Key] {
        let source = event["source"]?.stringValue
        let type = event["detail-type"]?.stringValue
        var keys: [Key] = []
        func scan(_ entries: [Entry]?) {
            for entry in entries ?? [] where entry.pattern.matches(event) { keys.append(entry.key) }
        }
        if let source, let type { scan(bySourceAndType[Self.pair(source, type)]) }
        if let source { scan(bySource[source]) }
        if let type { scan(byType[type]) }
        scan(unfiled)
        return keys
    }

    private static func pair(_ source: String, _ type: String) -> String { source + "\u{0}" + type }
}
