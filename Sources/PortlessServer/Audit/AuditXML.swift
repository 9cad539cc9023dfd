import PortlessCore

/// Query-protocol reply elements as CloudTrail's `responseElements`: camelCase names, `member` lists as
/// arrays, text as strings.
enum AuditXML {
    static func json(_ tags: [XMLTag]) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        for tag in tags { fields[tag.name] = value(tag) }
        return .object(fields)
    }

    private static func value(_ tag: XMLTag) -> JSONValue {
        if let text = tag.text { return .string(text) }
        if !tag.children.isEmpty, tag.children.allSatisfy({ $0.name == "member" }) { return .array(tag.children.map(value)) }
        return json(tag.children)
    }
}
