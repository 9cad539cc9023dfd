import Foundation

/// Checks command document content (schema 2.2) at CreateDocument/UpdateDocument, naming the path at fault
/// (`mainSteps[1].inputs.runCommand`). Pure: no I/O.
public enum DocumentValidator {
    /// The actions Portless runs on Linux.
    public static let knownActions: Set<String> = ["aws:runShellScript", "aws:downloadContent", "aws:runDocument"]
    /// Known actions that also run on Windows.
    static let windowsActions: Set<String> = ["aws:downloadContent", "aws:runDocument"]
    /// The schema versions SSM accepts for Command documents (Portless runs 2.2).
    static let commandSchemaVersions: Set<String> = ["1.0", "1.2", "2.0", "2.0.1", "2.0.2", "2.0.3", "2.2"]
    static let topLevelKeys: Set<String> = ["schemaVersion", "description", "parameters", "mainSteps", "files"]
    /// The step properties of SSM's agent's schema-2.2 step model, and `description`.
    static let stepKeys: Set<String> = [
        "action", "name", "inputs", "precondition", "maxAttempts", "onFailure", "settings", "timeoutSeconds", "description",
    ]
    static let parameterKeys: Set<String> = [
        "type", "description", "default", "allowedValues", "allowedPattern", "displayType",
        "minItems", "maxItems", "minChars", "maxChars", "interpolationType",
    ]
    static let controlFlowKeys: Set<String> = ["onFailure", "onSuccess", "finallyStep"]
    static let actionInputs: [String: Set<String>] = [
        "aws:runShellScript": ["id", "runCommand", "workingDirectory", "timeoutSeconds", "environment"],
        "aws:downloadContent": ["sourceType", "sourceInfo", "destinationPath"],
        "aws:runDocument": ["documentType", "documentPath", "documentParameters"],
    ]

    /// Parses `text` as `format` and validates it.
    public static func validate(_ text: String, format: DocumentFormat) throws -> ValidatedDocument {
        guard text.utf8.count <= DocumentContent.maxBytes else {
            throw PortlessError(.maxDocumentSizeExceeded,
                                "The document content is \(text.utf8.count) bytes; a document may be at most \(DocumentContent.maxBytes) bytes (64 KB).",
                                field: "Content")
        }
        return try validate(DocumentContent.parse(text, format: format))
    }

    /// Validates a parsed content tree and returns the typed document.
    public static func validate(_ content: JSONValue) throws -> ValidatedDocument {
        guard var root = content.objectValue else {
            throw invalid("The document content must be an object.", field: "Content")
        }
        for key in root.keys.sorted() where !topLevelKeys.contains(key) {
            throw invalid("'\(key)' is not a field of a Command document (expected schemaVersion, description, parameters, mainSteps).", field: key)
        }
        root["schemaVersion"] = .string(try schemaVersion(root["schemaVersion"]))
        if let description = root["description"], description.stringValue == nil {
            throw invalid("description must be a string.", field: "description")
        }
        let parameters = try checkParameters(root["parameters"])
        try checkSteps(root["mainSteps"], parameters: parameters)
        let normalized = JSONValue.object(root)
        do {
            let data = try JSONEncoder().encode(normalized)
            let document = try JSONDecoder().decode(CommandDocument.self, from: data)
            return ValidatedDocument(document: document, content: normalized)
        } catch let error as DecodingError {
            throw invalid("The document content is invalid: \(WireCoding.describe(error))", field: WireCoding.fieldPath(error))
        }
    }

    static func invalid(_ message: String, field: String?) -> PortlessError {
        PortlessError(.invalidDocumentContent, message, field: field)
    }

    private static func schemaVersion(_ value: JSONValue?) throws -> String {
        let version: String
        switch value {
        case nil, .null?:
            throw invalid("schemaVersion is required.", field: "schemaVersion")
        case .string(let text)?:
            version = text
        case .number(let number)?:
            version = String(number)
        default:
            throw invalid("schemaVersion must be a string such as \"2.2\".", field: "schemaVersion")
        }
        if version == "2.2" { return version }
        guard commandSchemaVersions.contains(version) else {
            throw PortlessError(aws: .invalidDocumentContent, "Document schema version is invalid. Value: \(version)", field: "schemaVersion")
        }
        throw PortlessError(.invalidDocumentSchemaVersion,
                            "schemaVersion \(version) is valid for SSM Command documents but Portless runs only 2.2.", field: "schemaVersion")
    }

    // MARK: Parameters

    /// Checks a document's `parameters` (absent or an object of declarations) and returns each one's type.
    static func checkParameters(_ value: JSONValue?) throws -> [String: DocumentParameter.Kind] {
        guard let value, value != .null else { return [:] }
        guard let members = value.objectValue else { throw invalid("parameters must be an object.", field: "parameters") }
        var kinds: [String: DocumentParameter.Kind] = [:]
        for (name, declaration) in members.sorted(by: { $0.key < $1.key }) {
            let field = "parameters.\(name)"
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw PortlessError(aws: .invalidDocumentContent, "Parameter name \"\(name)\" is not alpha-numeric.", field: field)
            }
            guard let fields = declaration.objectValue else { throw invalid("Parameter '\(name)' must be an object.", field: field) }
            kinds[name] = try checkParameter(name, fields, field: field)
        }
        return kinds
    }

    private static func checkParameter(_ name: String, _ fields: [String: JSONValue], field: String) throws -> DocumentParameter.Kind {
        for key in fields.keys.sorted() where !parameterKeys.contains(key) {
            throw invalid("'\(key)' is not a field of a parameter.", field: "\(field).\(key)")
        }
        guard let typeName = fields["type"]?.stringValue else {
            throw invalid("Parameter '\(name)' needs a type (\(typeNames)).", field: "\(field).type")
        }
        guard let kind = DocumentParameter.Kind(rawValue: typeName) else {
            throw invalid("Parameter type '\(typeName)' is not one of \(typeNames).", field: "\(field).type")
        }
        for key in ["description", "displayType", "allowedPattern"] {
            if let member = fields[key], member.stringValue == nil {
                throw invalid("\(key) must be a string.", field: "\(field).\(key)")
            }
        }
        if let type = fields["interpolationType"], type != .string("ENV_VAR") {
            throw invalid("interpolationType must be ENV_VAR.", field: "\(field).interpolationType")
        }
        if let allowed = fields["allowedValues"] {
            guard let items = allowed.arrayValue, !items.isEmpty, items.allSatisfy({ $0.stringValue != nil }) else {
                throw invalid("allowedValues must be a non-empty list of strings.", field: "\(field).allowedValues")
            }
        }
        for key in ["minItems", "maxItems", "minChars", "maxChars"] {
            guard let member = fields[key] else { continue }
            guard case .number(let number) = member, number >= 0, number.rounded() == number else {
                throw invalid("\(key) must be a whole number of at least 0.", field: "\(field).\(key)")
            }
        }
        if let pattern = fields["allowedPattern"]?.stringValue {
            do {
                _ = try ParameterValidator.compile(pattern)
            } catch {
                throw invalid("allowedPattern \(pattern) is not a valid regular expression.", field: "\(field).allowedPattern")
            }
        }
        if let defaultValue = fields["default"] {
            try checkDefault(defaultValue, kind: kind, name: name, fields: fields, field: "\(field).default")
        }
        return kind
    }

    private static func checkDefault(_ value: JSONValue, kind: DocumentParameter.Kind, name: String,
                                     fields: [String: JSONValue], field: String) throws {
        guard let values = ParameterValues.wireValues(of: value, as: kind) else {
            throw invalid("The default of \(kind.rawValue) parameter '\(name)' must be \(defaultShape(kind)).", field: field)
        }
        let declaration = try JSONDecoder().decode(DocumentParameter.self, from: JSONEncoder().encode(JSONValue.object(fields)))
        do {
            _ = try ParameterValidator.check(values, against: declaration, name: name)
        } catch let error as PortlessError {
            throw invalid("The default of parameter '\(name)' does not satisfy its own constraints: \(error.message)", field: field)
        }
    }

    private static let typeNames = DocumentParameter.Kind.allCases.map(\.rawValue).joined(separator: ", ")

    private static func defaultShape(_ kind: DocumentParameter.Kind) -> String {
        switch kind {
        case .string: "a string"
        case .stringList: "a list of strings"
        case .integer: "a whole number (or one as a string)"
        case .boolean: "true or false (or \"true\" or \"false\")"
        case .stringMap: "an object"
        case .mapList: "a list of objects"
        }
    }

    // MARK: Steps

    private static func checkSteps(_ value: JSONValue?, parameters: [String: DocumentParameter.Kind]) throws {
        guard let value, value != .null else { throw invalid("mainSteps is required.", field: "mainSteps") }
        guard let steps = value.arrayValue else { throw invalid("mainSteps must be a list of steps.", field: "mainSteps") }
        guard !steps.isEmpty else { throw invalid("mainSteps must have at least one step.", field: "mainSteps") }
        var names = Set<String>()
        for (index, step) in steps.enumerated() {
            let field = "mainSteps[\(index)]"
            guard let members = step.objectValue else { throw invalid("Each step must be an object.", field: field) }
            for key in members.keys.sorted() where !stepKeys.contains(key) {
                throw invalid("'\(key)' is not a field of a step (expected action, name, inputs, precondition, maxAttempts, onFailure, settings, timeoutSeconds).",
                              field: "\(field).\(key)")
            }
            guard let name = members["name"]?.stringValue else { throw invalid("Each step needs a name.", field: "\(field).name") }
            guard (1...128).contains(name.count), name.allSatisfy(isStepNameCharacter) else {
                throw invalid("Step name '\(name)' must be 1 to 128 characters of a-z, A-Z, 0-9, _, ., : and -.", field: "\(field).name")
            }
            guard names.insert(name).inserted else { throw invalid("Step name '\(name)' is used twice.", field: "\(field).name") }
            guard let action = members["action"]?.stringValue else { throw invalid("Each step needs an action.", field: "\(field).action") }
            guard knownActions.contains(action) else {
                throw invalid("Action '\(action)' is not supported; use one of \(knownActions.sorted().joined(separator: ", ")).",
                              field: "\(field).action")
            }
            guard let inputs = members["inputs"]?.objectValue else {
                throw invalid("Step '\(name)' needs inputs (an object).", field: "\(field).inputs")
            }
            try StepInputRules.check(action: action, inputs: inputs, field: "\(field).inputs",
                                     isLast: index == steps.count - 1)
            if let precondition = members["precondition"] {
                try checkPrecondition(precondition, field: "\(field).precondition")
            }
            try StepPropertyRules.check(members, field: field)
            try checkReferences(in: .object(inputs), parameters: parameters, field: "\(field).inputs")
            if let precondition = members["precondition"] {
                try checkReferences(in: precondition, parameters: parameters, field: "\(field).precondition")
            }
        }
    }

    private static func isStepNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "_.:-".contains(character))
    }

    private static func checkPrecondition(_ value: JSONValue, field: String) throws {
        guard let members = value.objectValue, members.count == 1, let (key, operands) = members.first else {
            throw invalid("A precondition must be one operator: {\"StringEquals\": [a, b]}.", field: field)
        }
        guard key == "StringEquals" else {
            throw invalid("Precondition operator '\(key)' is not supported; only StringEquals is.", field: "\(field).\(key)")
        }
        guard let items = operands.arrayValue, items.count == 2, items.allSatisfy({ $0.stringValue != nil }) else {
            throw invalid("StringEquals takes exactly two strings.", field: "\(field).StringEquals")
        }
    }

    /// Every `{{ name }}` in `value` must name a declared parameter (`{{ssm:...}}` names Parameter Store).
    static func checkReferences(in value: JSONValue, parameters: [String: DocumentParameter.Kind], field: String) throws {
        switch value {
        case .string(let text):
            for reference in referencedNames(in: text) where parameters[reference] == nil {
                throw PortlessError(aws: .invalidDocumentContent, "Parameter \"\(reference)\" is not declared.", field: field)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                try checkReferences(in: item, parameters: parameters, field: "\(field)[\(index)]")
            }
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                try checkReferences(in: member, parameters: parameters, field: "\(field).\(key)")
            }
        case .null, .bool, .number:
            break
        }
    }

    /// The parameter names referenced as `{{ name }}` in `text`; `{{ssm:...}}` references are not parameters.
    static func referencedNames(in text: String) -> [String] {
        Interpolator.references(in: text).map(\.name)
    }
}
