import Foundation

/// Checks SendCommand `Parameters` against a document's declarations and fills in defaults.
public enum ParameterValidator {
    /// The longest value `allowedPattern` is matched against; longer values are refused before matching.
    public static let maxPatternInput = 16_384

    /// Returns every declared parameter's value, defaults applied, or throws `InvalidParameters`
    /// naming the parameter.
    public static func resolve(_ given: [String: [String]], for document: CommandDocument) throws -> [String: ResolvedParameter] {
        try resolve(given, declarations: document.parameters)
    }

    /// The same for any document's parameter declarations (a Session document's at StartSession).
    public static func resolve(_ given: [String: [String]], declarations: [String: DocumentParameter]) throws -> [String: ResolvedParameter] {
        for name in given.keys.sorted() where declarations[name] == nil {
            throw PortlessError(.invalidParameters, "Parameter '\(name)' is not defined by the document.", field: "Parameters.\(name)")
        }
        var resolved: [String: ResolvedParameter] = [:]
        for (name, declaration) in declarations.sorted(by: { $0.key < $1.key }) {
            guard let values = given[name] ?? declaration.defaultValues else {
                throw PortlessError(.invalidParameters, "Parameter '\(name)' is required and has no default.", field: "Parameters.\(name)")
            }
            resolved[name] = try check(values, against: declaration, name: name)
        }
        return resolved
    }

    /// Checks one parameter's values against its type and constraints and returns them typed. A
    /// value outside `allowedValues` or `allowedPattern` gets SSM's own text; the other refusals
    /// (SSM publishes none) are Portless's, naming the parameter.
    static func check(_ values: [String], against declaration: DocumentParameter, name: String) throws -> ResolvedParameter {
        func fail(_ reason: String) -> PortlessError {
            PortlessError(.invalidParameters, "Parameter '\(name)' \(reason).", field: "Parameters.\(name)")
        }
        let kind = declaration.type
        guard let typed = ParameterValues.typed(values, as: kind) else { throw fail(typeRequirement(kind)) }
        if kind.isList, let count = typed.arrayValue?.count {
            if let minItems = declaration.minItems, count < minItems { throw fail("needs at least \(minItems) item(s)") }
            if let maxItems = declaration.maxItems, count > maxItems { throw fail("takes at most \(maxItems) item(s)") }
        }
        for text in constrainedTexts(of: typed, kind: kind) {
            if kind != .integer && kind != .boolean {
                if let minChars = declaration.minChars, text.count < minChars { throw fail("must be at least \(minChars) characters") }
                if let maxChars = declaration.maxChars, text.count > maxChars { throw fail("must be at most \(maxChars) characters") }
            }
            if let allowed = declaration.allowedValues, !allowed.contains(text) {
                throw PortlessError(aws: .invalidParameters,
                                    "Parameter \"\(name)\" has value \"\(text)\" not found in [\(allowed.joined(separator: ", "))].",
                                    field: "Parameters.\(name)")
            }
            if let pattern = declaration.allowedPattern, !(try matches(text, pattern: pattern)) {
                throw PortlessError(aws: .invalidParameters, "Parameter \"\(name)\" has value \"\(text)\" not matching \"\(pattern)\".",
                                    field: "Parameters.\(name)")
            }
        }
        return ResolvedParameter(values: ParameterValues.wireValues(of: typed, as: kind) ?? values, typed: typed)
    }

    /// What a value of `kind` must look like, for the error that says it does not.
    static func typeRequirement(_ kind: DocumentParameter.Kind) -> String {
        switch kind {
        case .string: "is a String and takes exactly one value"
        case .stringList: "is a StringList"
        case .integer: "is an Integer and takes exactly one whole number"
        case .boolean: "is a Boolean and takes exactly one value, true or false"
        case .stringMap: "is a StringMap and takes exactly one JSON object"
        case .mapList: "is a MapList and takes a JSON list of objects"
        }
    }

    /// The texts that `allowedValues`, `allowedPattern` and `minChars`/`maxChars` apply to: each
    /// item of a list, the value itself otherwise (maps as JSON text).
    private static func constrainedTexts(of typed: JSONValue, kind: DocumentParameter.Kind) -> [String] {
        if kind.isList, let items = typed.arrayValue { return items.map(ParameterValues.text(of:)) }
        return [ParameterValues.text(of: typed)]
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

/// One parameter's value after validation: as SendCommand carries it, and typed for interpolation.
public struct ResolvedParameter: Sendable, Hashable {
    /// The value as a list of strings (SendCommand's form), normalized (`TRUE` → `true`).
    public var values: [String]
    /// The value as its type makes it: a string, a list, a number, a boolean, a map or a list of maps.
    public var typed: JSONValue
}
