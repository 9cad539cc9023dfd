public import Foundation

/// Reads document content (JSON or YAML) into a `JSONValue` tree and writes a tree back as either format.
public enum DocumentContent {
    /// SSM's limit on the size of one document version's content.
    public static let maxBytes = 64 * 1024

    /// Parses `text` as `format`; the top level must be an object. Syntax errors are `InvalidDocumentContent`.
    public static func parse(_ text: String, format: DocumentFormat) throws -> JSONValue {
        let value: JSONValue
        switch format {
        case .json:
            do {
                value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            } catch {
                throw notWellFormed(text)
            }
        case .yaml:
            value = try YAMLBridge.parse(text)
        }
        guard case .object = value else {
            throw PortlessError(.invalidDocumentContent, "The document content must be an object with schemaVersion and mainSteps.",
                                field: "Content")
        }
        return value
    }

    /// SSM's text for malformed JSON names where the parser stopped (`JSON not well-formed. at Line:
    /// 1, Column: 6`); without a position, Portless says it in its own words.
    static func notWellFormed(_ text: String) -> PortlessError {
        guard let position = JSONSyntaxPosition.firstError(in: text) else {
            return PortlessError(.invalidDocumentContent, "The document content is not valid JSON.", field: "Content")
        }
        return PortlessError(aws: .invalidDocumentContent, "JSON not well-formed. at Line: \(position.line), Column: \(position.column)",
                             field: "Content")
    }

    /// Renders `value` as `format`: JSON pretty-printed with sorted keys, or block-style YAML.
    public static func render(_ value: JSONValue, as format: DocumentFormat) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        case .yaml:
            return try YAMLBridge.render(value)
        }
    }

    /// The hex SHA-256 of `text`, SSM's document `Hash` (HashType `Sha256`).
    public static func hash(_ text: String) -> String {
        SigV4.hexSHA256(Array(text.utf8))
    }
}
