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

/// The policies embedded in or attached to one user, group or role.
public struct EntityPolicies: Sendable, Codable, Hashable {
    public var inline: [InlinePolicy] = []
    /// Attached managed policies' ARNs, in attachment order.
    public var attached: [String] = []

    public init(inline: [InlinePolicy] = [], attached: [String] = []) {
        self.inline = inline
        self.attached = attached
    }

    public func inlinePolicy(named name: String) -> InlinePolicy? { inline.first { $0.name == name } }
}
