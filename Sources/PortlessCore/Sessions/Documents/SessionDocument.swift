/// A Session document (schema 1.0) that passed `SessionDocumentValidator`: the kind of session it opens,
/// its preferences, its parameters and its `properties` (before interpolation).
public struct SessionDocument: Sendable, Hashable {
    public var sessionType: SessionType
    public var description: String?
    /// The session preferences the document sets (`inputs`).
    public var inputs: SessionInputs
    /// The parameters StartSession's `Parameters` fill in.
    public var parameters: [String: DocumentParameter]
    /// What the session connects to or runs (`portNumber`, `host`, `type`, `linux.commands`, ...), with
    /// `{{ name }}` references still in place; an empty object when the document has none.
    public var properties: JSONValue
    /// The content as a tree (with `schemaVersion` normalized to a string).
    public var content: JSONValue
}

extension SessionDocument {
    /// The shell StartSession opens for an account that has no `SSM-SessionManagerRunShell`: a
    /// Standard_Stream document without parameters, inputs or properties.
    public static let defaultShell = SessionDocument(
        sessionType: .standardStream, description: nil, inputs: SessionInputs(), parameters: [:], properties: .object([:]),
        content: .object(["schemaVersion": .string(SessionDocumentValidator.schemaVersion),
                          "sessionType": .string(SessionType.standardStream.rawValue)]))
}
