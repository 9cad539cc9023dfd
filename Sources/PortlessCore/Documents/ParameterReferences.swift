import Foundation

/// `{{ssm:NAME}}` references to Parameter Store in a command document and its SendCommand parameters, found and
/// replaced by the values the server resolved (after the caller was allowed to read them).
public enum ParameterReferences {
    /// The names referenced (a name may carry a `:version` or `:label` selector), each once, in order of appearance.
    public static func names(in document: CommandDocument, parameters: [String: [String]]) -> [String] {
        var texts = parameters.keys.sorted().flatMap { parameters[$0] ?? [] }
        for name in document.parameters.keys.sorted() {
            if let value = document.parameters[name]?.defaultValue { texts += strings(in: value) }
        }
        for step in document.mainSteps {
            texts += strings(in: step.inputs) + (step.precondition.map(strings(in:)) ?? [])
        }
        var seen = Set<String>()
        return texts.flatMap(references(in:)).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The document and parameters with every reference replaced by its value.
    public static func resolve(_ document: CommandDocument, parameters: [String: [String]], values: [String: String])
        -> (document: CommandDocument, parameters: [String: [String]]) {
        var resolved = document
        for (name, declaration) in document.parameters {
            resolved.parameters[name]?.defaultValue = declaration.defaultValue.map { substitute($0, values) }
        }
        resolved.mainSteps = document.mainSteps.map { step in
            var step = step
            step.inputs = substitute(step.inputs, values)
            step.precondition = step.precondition.map { substitute($0, values) }
            return step
        }
        return (resolved, parameters.mapValues { $0.map { substitute($0, values) } })
    }

    static func substitute(_ value: JSONValue, _ values: [String: String]) -> JSONValue {
        switch value {
        case .string(let text): .string(substitute(text, values))
        case .array(let items): .array(items.map { substitute($0, values) })
        case .object(let members): .object(members.mapValues { substitute($0, values) })
        case .null, .bool, .number: value
        }
    }

    static func substitute(_ text: String, _ values: [String: String]) -> String {
        var result = ""
        var cursor = text.startIndex
        for reference in references(in: text) {
            result += text[cursor..<reference.range.lowerBound]
            result += values[reference.name] ?? String(text[reference.range])
            cursor = reference.range.upperBound
        }
        return result + text[cursor...]
    }

    private static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings(in:))
        case .object(let members): members.keys.sorted().flatMap { strings(in: members[$0] ?? .null) }
        case .null, .bool, .number: []
        }
    }

    struct Reference {
        var name: String
        var range: Range<String.Index>
    }

    /// `{{ ssm:NAME }}` (white space allowed inside the braces).
    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        var start = text.startIndex
        while let open = text.range(of: "{{", range: start..<text.endIndex), let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) {
            let inner = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if inner.hasPrefix("ssm:") {
                let name = String(inner.dropFirst(4))
                if !name.isEmpty { found.append(Reference(name: name, range: open.lowerBound..<close.upperBound)) }
            }
            start = close.upperBound
        }
        return found
    }
}
