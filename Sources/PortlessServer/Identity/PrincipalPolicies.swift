import PortlessCore

/// Every identity-based policy of a user or role, its permissions boundary and its tags.
struct PrincipalPolicies: Sendable {
    var identity: [PolicyText]
    var boundary: PolicyText?
    var tags: [Tag]
    /// The user's `AIDA…` ID (nil for a role).
    var userId: String?
}
