/// An inline policy embedded in a user, group or role.
public struct InlinePolicy: Sendable, Codable, Hashable {
    public var name: String
    /// The document as the caller sent it (not URL-encoded).
    public var document: String

    public init(name: String, document: String) {
        self.name = name
        self.document = document
    }
}
