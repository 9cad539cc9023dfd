import Foundation

/// How parameter values of each type travel and reach a script.
///
/// SendCommand carries every value as a list of strings (`Integer` as `"5"`, `StringMap` as JSON
/// text); a document's `default` and `aws:runDocument`'s `documentParameters` may give JSON values
/// (`5`, `true`, `{"k": "v"}`); interpolation works on the typed value, as SSM's agent does.
public enum ParameterValues {
    /// The largest `Integer` accepted: beyond it a JSON number loses whole-number precision.
    static let integerLimit = 9_007_199_254_740_991

    /// `values` (SendCommand's form) as the typed value of `kind`, or nil when they do not fit it.
    static func typed(_ values: [String], as kind: DocumentParameter.Kind) -> JSONValue? {
        switch kind {
        case .stringList:
            return .array(values.map(JSONValue.string))
        case .mapList:
            if values.count == 1, let list = json(values[0])?.arrayValue, list.allSatisfy({ $0.objectValue != nil }) {
                return .array(list)
            }
            let maps = values.compactMap { json($0) }.filter { $0.objectValue != nil }
            return maps.count == values.count && !values.isEmpty ? .array(maps) : nil
        case .string, .integer, .boolean, .stringMap:
            guard values.count == 1 else { return nil }
            return single(values[0], as: kind)
        }
    }

    /// A JSON value (a document's default, a `documentParameters` member) in SendCommand's form, or
    /// nil when it does not fit `kind`.
    public static func wireValues(of value: JSONValue, as kind: DocumentParameter.Kind) -> [String]? {
        switch (kind, value) {
        case (.string, .string(let text)): return [text]
        case (.string, .number(let number)): return [JSONNumberText.text(number)]
        case (.string, .bool(let flag)): return [String(flag)]
        case (.stringList, .array(let items)):
            let texts = items.compactMap(\.stringValue)
            return texts.count == items.count ? texts : nil
        case (.integer, .number(let number)):
            return number.rounded() == number && abs(number) <= Double(integerLimit) ? [JSONNumberText.text(number)] : nil
        case (.boolean, .bool(let flag)): return [String(flag)]
        case (.stringMap, .object), (.mapList, .array):
            return typed([AgentJSONText.text(value)], as: kind) == nil ? nil : [AgentJSONText.text(value)]
        case (.integer, .string(let text)), (.boolean, .string(let text)), (.stringMap, .string(let text)), (.mapList, .string(let text)):
            return typed([text], as: kind).flatMap { wireValues(of: $0, as: kind) }
        default:
            return nil
        }
    }

    /// The text SSM's agent splices into a longer string: a string as it is, anything else as JSON.
    public static func text(of value: JSONValue) -> String {
        value.stringValue ?? AgentJSONText.text(value)
    }

    /// The value of a step's `SSM_<name>` variable: a `StringList` one item per line, any other
    /// type as it is spliced into text.
    static func environmentText(of value: JSONValue) -> String {
        if case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }) {
            return items.compactMap(\.stringValue).joined(separator: "\n")
        }
        return text(of: value)
    }

    private static func single(_ text: String, as kind: DocumentParameter.Kind) -> JSONValue? {
        switch kind {
        case .string:
            return .string(text)
        case .integer:
            guard let number = Int(text), abs(number) <= integerLimit else { return nil }
            return .number(Double(number))
        case .boolean:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .stringMap:
            return json(text).flatMap { $0.objectValue == nil ? nil : $0 }
        case .stringList, .mapList:
            return nil
        }
    }

    private static func json(_ text: String) -> JSONValue? {
        try? WireCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
