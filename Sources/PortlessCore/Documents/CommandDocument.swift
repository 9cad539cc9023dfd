public import Foundation

/// A schema 2.2 command document: parameters and the steps to run.
public struct CommandDocument: Sendable, Hashable, Codable {
    public var schemaVersion: String
    public var description: String?
    public var parameters: [String: DocumentParameter]
    public var mainSteps: [DocumentStep]

    enum CodingKeys: String, CodingKey { case schemaVersion, description, parameters, mainSteps }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(String.self, forKey: .schemaVersion)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        parameters = try container.decodeIfPresent([String: DocumentParameter].self, forKey: .parameters) ?? [:]
        mainSteps = try container.decode([DocumentStep].self, forKey: .mainSteps)
    }

    /// Parses JSON document content, naming the path at fault when it is malformed.
    public static func parse(json content: String) throws -> CommandDocument {
        do {
            let document = try JSONDecoder().decode(CommandDocument.self, from: Data(content.utf8))
            guard document.schemaVersion == "2.2" else {
                throw PortlessError(.invalidDocument, "schemaVersion must be 2.2 for Command documents.", field: "schemaVersion")
            }
            for (name, parameter) in document.parameters {
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw PortlessError(.invalidDocument, "Parameter name '\(name)' must match ^[a-zA-Z0-9]+$.", field: "parameters.\(name)")
                }
                if let pattern = parameter.allowedPattern {
                    _ = try ParameterValidator.compile(pattern, field: "parameters.\(name).allowedPattern")
                }
            }
            return document
        } catch let error as DecodingError {
            throw PortlessError(.invalidDocument, "Document content is invalid: \(WireCoding.describe(error))",
                                field: WireCoding.fieldPath(error))
        }
    }
}
