import Foundation

/// Checks SendCommand `Parameters` against a document's declarations and fills in defaults.
public enum ParameterValidator {
    /// The longest value `allowedPattern` is matched against; longer values are refused before matching.
    public static let maxPatternInput = 16_384

    /// Returns the complete parameter values, defaults applied, or throws `InvalidParameters` naming the parameter.
    public static func resolve(_ given: [String: [String]], for document: CommandDocument) throws -> [String: [String]] {
        for name in given.keys where document.parameters[name] == nil {
            throw PortlessError(.invalidParameters, "Parameter '\(name)' is not defined by the document.", field: "Parameters.\(name)")
        }
        var resolved: [String: [String]] = [:]
        for (name, declaration) in document.parameters {
            guard let values = given[name] ?? declaration.defaultValues else {
                throw PortlessError(.invalidParameters, "Parameter '\(name)' is required and has no default.", field: "Parameters.\(name)")
            }
            try check(values, against: declaration, name: name)
            resolved[name] = values
        }
        return resolved
    }

    static func check(_ values: [String], against declaration: DocumentParameter, name: String) throws {
        let field = "Parameters.\(name)"
        func fail(_ reason: String) -> PortlessError {
            PortlessError(.invalidParameters, "Parameter '\(name)' \(reason).", field: field)
        }
        if declaration.type == .string && values.count != 1 {
            throw fail("is a String and takes exactly one value")
        }
        if let minItems = declaration.minItems, values.count < minItems { throw fail("needs at least \(minItems) item(s)") }
        if let maxItems = declaration.maxItems, values.count > maxItems { throw fail("takes at most \(maxItems) item(s)") }
        for value in values {
            if let minChars = declaration.minChars, value.count < minChars { throw fail("must be at least \(minChars) characters") }
            if let maxChars = declaration.maxChars, value.count > maxChars { throw fail("must be at most \(maxChars) characters") }
            if let allowed = declaration.allowedValues, !allowed.contains(value) {
                throw fail("must be one of: \(allowed.joined(separator: ", "))")
            }
            if let pattern = declaration.allowedPattern, !(try matches(value, pattern: pattern)) {
                throw fail("does not match its allowedPattern \(pattern)")
            }
        }
    }

    /// Whether the whole of `value` matches `pattern` (`\\z`, unlike `$`, does not allow a final newline).
    static func matches(_ value: String, pattern: String) throws -> Bool {
        guard value.utf16.count <= maxPatternInput else { return false }
        let expression = try compile(pattern)
        let range = NSRange(value.startIndex..., in: value)
        return expression.firstMatch(in: value, range: range) != nil
    }

    /// Compiles an `allowedPattern` anchored at both ends, or throws `InvalidDocument`.
    static func compile(_ pattern: String, field: String? = nil) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: "^(?:\(pattern))\\z")
        } catch {
            throw PortlessError(.invalidDocument, "allowedPattern \(pattern) is not a valid regular expression.", field: field)
        }
    }
}
