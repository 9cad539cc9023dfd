public import Foundation

/// What a target receives for an event: the fixed `Input`, the part `InputPath` names, the `InputTransformer`
/// template filled from the event, or else the whole event.
public enum EventInput {
    /// The rule the event matched, for the template's reserved `<aws.events.…>` placeholders.
    public struct RuleFacts: Sendable {
        public var name: String
        public var arn: String
        public var ingestionTime: Date

        public init(name: String, arn: String, ingestionTime: Date) {
            self.name = name
            self.arn = arn
            self.ingestionTime = ingestionTime
        }
    }

    /// The target's input text for `event`.
    public static func render(_ target: EventTarget, event: JSONValue, rule: RuleFacts) -> String {
        if let input = target.input { return input }
        if let path = target.inputPath, let parsed = JSONPath(path) {
            return parsed.value(in: event).map(json) ?? "null"
        }
        if let transformer = target.inputTransformer {
            var values: [String: JSONValue] = [
                "aws.events.rule-name": .string(rule.name), "aws.events.rule-arn": .string(rule.arn),
                "aws.events.event.ingestion-time": .string(EventEnvelope.timeText(rule.ingestionTime)),
            ]
            for (name, path) in transformer.inputPathsMap ?? [:] {
                if let value = JSONPath(path)?.value(in: event) { values[name] = value }
            }
            return fill(transformer.inputTemplate, values: values, event: event)
        }
        return json(event)
    }

    /// `template` with each `<name>` of `values` replaced: inside a JSON string by the value's text (escaped),
    /// elsewhere by its JSON; `<aws.events.event>` and `<aws.events.event.json>` are the whole event (not inside a
    /// string). A name with no value becomes an empty string inside a string and `null` elsewhere; other `<…>` stay.
    static func fill(_ template: String, values: [String: JSONValue], event: JSONValue) -> String {
        var output = ""
        var inString = false
        var escaped = false
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "<", let close = template[index...].firstIndex(of: ">") {
                let name = String(template[template.index(after: index)..<close])
                let replacement: String?
                if name == "aws.events.event" || name == "aws.events.event.json" {
                    replacement = inString ? escape(json(event)) : json(event)
                } else if let value = values[name] {
                    replacement = inString ? escape(text(value)) : json(value)
                } else {
                    replacement = nil
                }
                if let replacement {
                    output += replacement
                    index = template.index(after: close)
                    continue
                }
            }
            if inString, character == "\\", !escaped {
                escaped = true
            } else {
                if character == "\"", !escaped { inString.toggle() }
                escaped = false
            }
            output.append(character)
            index = template.index(after: index)
        }
        return output
    }

    /// A value as JSON text (object keys sorted).
    public static func json(_ value: JSONValue) -> String {
        (try? String(decoding: WireCoding.encoder().encode(value), as: UTF8.self)) ?? "null"
    }

    /// A value as it reads inside a string: a string's own text, anything else its JSON.
    static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return json(value)
    }

    /// `text` escaped to sit inside a JSON string.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
