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
}
