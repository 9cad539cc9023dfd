import Foundation
import PortlessCore

/// What DescribeDocument and ListDocuments report about a version, read from its content.
struct DocumentFacts: Sendable {
    struct Parameter: Encodable, Sendable {
        var name: String
        var type: String
        var description: String?
        var defaultValue: String?
        enum CodingKeys: String, CodingKey { case name = "Name", type = "Type", description = "Description", defaultValue = "DefaultValue" }
    }

    var description: String?
    var schemaVersion: String
    var parameters: [Parameter]
    var platformTypes: [String]

    /// The facts of a version with content `tree` of a document of `type`.
    init(_ tree: JSONValue, type: DocumentType) {
        description = tree["description"]?.stringValue
        schemaVersion = tree["schemaVersion"]?.stringValue ?? "2.2"
        let declared = tree["parameters"]?.objectValue ?? [:]
        parameters = declared.sorted { $0.key < $1.key }.map { name, declaration in
            Parameter(name: name, type: declaration["type"]?.stringValue ?? "String",
                      description: declaration["description"]?.stringValue,
                      defaultValue: declaration["default"].flatMap(Self.text))
        }
        let actions = Set((tree["mainSteps"]?.arrayValue ?? []).compactMap { $0["action"]?.stringValue })
        let windows = type == .session || actions.contains("aws:downloadContent") || actions.contains("aws:runDocument")
        platformTypes = (windows ? ["Windows"] : []) + ["Linux", "MacOS"]
    }

    /// A default as SSM shows it: strings as they are, anything else as JSON text.
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .null: return nil
        default:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
