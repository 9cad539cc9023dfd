import Foundation

/// Substitutes `{{ name }}` references in document inputs with parameter values, as SSM's agent does.
///
/// A string that is exactly one reference becomes the value itself, so a `StringList` stays a list
/// (and expands into the surrounding list) and an `Integer` a number; a reference inside a longer
/// string inserts the value's text: a string as it is, any other type as JSON (`["a","b"]`, `5`,
/// `{"k":"v"}`). Substitution is not recursive: values are never scanned for references.
public enum Interpolator {
    /// Interpolates `value` with typed parameter values.
    public static func interpolate(_ value: JSONValue, with parameters: [String: JSONValue]) -> JSONValue {
        switch value {
        case .string(let text):
            return interpolate(text, with: parameters)
        case .array(let items):
            return .array(items.flatMap { item -> [JSONValue] in
                let result = interpolate(item, with: parameters)
                if case .string = item, case .array(let expanded) = result { return expanded }
                return [result]
            })
        case .object(let members):
            return .object(members.mapValues { interpolate($0, with: parameters) })
        case .null, .bool, .number:
            return value
        }
    }

    static func interpolate(_ text: String, with parameters: [String: JSONValue]) -> JSONValue {
        let references = references(in: text)
        if references.count == 1, let only = references.first, only.range == text.startIndex..<text.endIndex,
           let value = parameters[only.name] {
            return value
        }
        var result = ""
        var cursor = text.startIndex
        for reference in references {
            result += text[cursor..<reference.range.lowerBound]
            if let value = parameters[reference.name] {
                result += ParameterValues.text(of: value)
            } else {
                result += text[reference.range]
            }
            cursor = reference.range.upperBound
        }
        result += text[cursor...]
        return .string(result)
    }

    struct Reference { var name: String; var range: Range<String.Index> }

    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        var searchStart = text.startIndex
        while let open = text.range(of: "{{", range: searchStart..<text.endIndex),
              let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) {
            let name = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                found.append(Reference(name: name, range: open.lowerBound..<close.upperBound))
            }
            searchStart = close.upperBound
        }
        return found
    }
}
