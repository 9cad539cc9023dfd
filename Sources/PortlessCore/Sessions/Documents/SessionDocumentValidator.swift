import Foundation

/// Checks Session document content (schema 1.0) at CreateDocument/UpdateDocument, and reads stored
/// content back, naming the path at fault (`inputs.idleSessionTimeout`). Pure: no I/O.
///
/// AWS's own texts are used where it has published them: an unknown schema version, a schema version of
/// another document type, malformed JSON and an undeclared `{{ parameter }}`; the rest is Portless's wording.
public enum SessionDocumentValidator {
    /// The one schema version SSM accepts for Session documents.
    public static let schemaVersion = "1.0"
    /// Schema versions SSM knows for other document types (refused with `InvalidDocumentSchemaVersion`).
    static let otherSchemaVersions: Set<String> = ["0.3", "1.2", "2.0", "2.0.1", "2.0.2", "2.0.3", "2.2"]
    static let topLevelKeys = ["schemaVersion", "description", "sessionType", "inputs", "parameters", "properties"]
    /// The platform blocks of a commands document's `properties`.
    static let platforms = ["linux", "windows", "macos"]

    /// Parses `text` as `format` and validates it.
    public static func validate(_ text: String, format: DocumentFormat) throws -> SessionDocument {
        guard text.utf8.count <= DocumentContent.maxBytes else {
            throw PortlessError(.maxDocumentSizeExceeded,
                                "The document content is \(text.utf8.count) bytes; a document may be at most \(DocumentContent.maxBytes) bytes (64 KB).",
                                field: "Content")
        }
        return try validate(DocumentContent.parse(text, format: format))
    }

    /// Validates a parsed content tree and returns the typed document.
    public static func validate(_ content: JSONValue) throws -> SessionDocument {
        guard var root = content.objectValue else { throw invalid("The document content must be an object.", field: "Content") }
        for key in root.keys.sorted() where !topLevelKeys.contains(key) {
            throw invalid("'\(key)' is not a field of a Session document (expected \(topLevelKeys.joined(separator: ", "))).", field: key)
        }
        root["schemaVersion"] = .string(try checkSchemaVersion(root["schemaVersion"]))
        if let description = root["description"], description.stringValue == nil {
            throw invalid("description must be a string.", field: "description")
        }
        guard let typeName = root["sessionType"]?.stringValue else {
            throw invalid("sessionType is required: \(sessionTypeNames).", field: "sessionType")
        }
        guard let sessionType = SessionType(rawValue: typeName) else {
            throw invalid("sessionType '\(typeName)' is not one of \(sessionTypeNames).", field: "sessionType")
        }
        if sessionType == .standardStream, root["inputs"] == nil || root["inputs"] == .null {
            throw invalid("inputs is required for a Standard_Stream Session document (it holds the session preferences).", field: "inputs")
        }
        let inputs = try SessionInputs.parse(root["inputs"])
        let kinds = try DocumentValidator.checkParameters(root["parameters"])
        let properties = root["properties"] ?? .object([:])
        try checkProperties(properties, sessionType: sessionType)
        try DocumentValidator.checkReferences(in: properties, parameters: kinds, field: "properties")
        let parameters: [String: DocumentParameter]
        do {
            parameters = try JSONDecoder().decode([String: DocumentParameter].self,
                                                  from: JSONEncoder().encode(root["parameters"] ?? .object([:])))
        } catch let error as DecodingError {
            throw invalid("The document's parameters are invalid: \(WireCoding.describe(error))", field: "parameters")
        }
        return SessionDocument(sessionType: sessionType, description: root["description"]?.stringValue, inputs: inputs,
                               parameters: parameters, properties: properties, content: .object(root))
    }

    static func invalid(_ message: String, field: String?) -> PortlessError {
        PortlessError(.invalidDocumentContent, message, field: field)
    }

    private static let sessionTypeNames = SessionType.allCases.map(\.rawValue).joined(separator: ", ")

    private static func checkSchemaVersion(_ value: JSONValue?) throws -> String {
        let version: String
        switch value {
        case nil, .null?: throw invalid("schemaVersion is required; Session documents use \"1.0\".", field: "schemaVersion")
        case .string(let text)?: version = text
        case .number(let number)?: version = String(number)
        default: throw invalid("schemaVersion must be the string \"1.0\".", field: "schemaVersion")
        }
        if version == schemaVersion { return version }
        guard otherSchemaVersions.contains(version) else {
            throw PortlessError(aws: .invalidDocumentContent, "Document schema version is invalid. Value: \(version)", field: "schemaVersion")
        }
        throw PortlessError(aws: .invalidDocumentSchemaVersion, "\(version) is not a valid schema version for Session document type", field: "schemaVersion")
    }

    /// `properties` is an object; a Port document's members are strings (the plugin reads them as such);
    /// a commands document gives `commands` (a string or a list of strings) for at least one platform.
    private static func checkProperties(_ properties: JSONValue, sessionType: SessionType) throws {
        guard let members = properties.objectValue else { throw invalid("properties must be an object.", field: "properties") }
        switch sessionType {
        case .standardStream:
            break
        case .port:
            for (key, value) in members.sorted(by: { $0.key < $1.key }) where value.stringValue == nil {
                throw invalid("Port property \(key) must be a string.", field: "properties.\(key)")
            }
        case .interactiveCommands, .nonInteractiveCommands:
            var found = false
            for platform in platforms {
                guard let block = members[platform] else { continue }
                let field = "properties.\(platform)"
                guard let settings = block.objectValue else { throw invalid("\(platform) must be an object with commands.", field: field) }
                guard let commands = settings["commands"], commandLines(commands) != nil else {
                    throw invalid("\(platform).commands must be a string or a list of strings.", field: "\(field).commands")
                }
                if let elevated = settings["runAsElevated"], elevated != .bool(true), elevated != .bool(false) {
                    throw invalid("\(platform).runAsElevated must be true or false.", field: "\(field).runAsElevated")
                }
                found = true
            }
            guard found else {
                throw invalid("A \(sessionType.rawValue) document needs properties.linux.commands (or windows/macos).", field: "properties")
            }
        }
    }

    /// `commands` as one script: a string as it is, a list of strings one per line.
    static func commandLines(_ commands: JSONValue) -> String? {
        switch commands {
        case .string(let text): return text
        case .array(let items):
            let lines = items.compactMap(\.stringValue)
            return lines.count == items.count ? lines.joined(separator: "\n") : nil
        default: return nil
        }
    }
}
