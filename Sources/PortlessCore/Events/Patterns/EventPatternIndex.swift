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
        // A filed pattern keeps only what its file does not already guarantee.
        for (key, pattern) in patterns {
            switch (pattern.requiredStrings(of: "source"), pattern.requiredStrings(of: "detail-type")) {
            case (let sources?, let types?):
                let entry = Entry(key: key, pattern: pattern.dropping(["source", "detail-type"]))
                for source in sources { for type in types { bySourceAndType[Self.pair(source, type), default: []].append(entry) } }
            case (let sources?, nil):
                let entry = Entry(key: key, pattern: pattern.dropping(["source"]))
                for source in sources { bySource[source, default: []].append(entry) }
            case (nil, let types?):
                let entry = Entry(key: key, pattern: pattern.dropping(["detail-type"]))
                for type in types { byType[type, default: []].append(entry) }
            case (nil, nil):
                unfiled.append(Entry(key: key, pattern: pattern))
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
