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
