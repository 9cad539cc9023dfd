/// How many of an account's entities use a managed policy.
public struct PolicyUsage: Sendable, Hashable {
    /// Users, groups and roles it is attached to.
    public var attachments: Int
    /// Users and roles it is the permissions boundary of.
    public var boundaries: Int

    public init(attachments: Int = 0, boundaries: Int = 0) {
        self.attachments = attachments
        self.boundaries = boundaries
    }
}
