import PortlessCore

/// One policy document that applies to a principal, named for diagnostics.
struct PolicyText: Sendable, Hashable {
    /// The managed policy's ARN, or `user/NAME/inline/POLICY` (`group/…`, `role/…`) for an inline one.
    var name: String
    /// The document as stored (JSON, not URL-encoded).
    var document: String
}

/// Every identity-based policy of a user or role, its permissions boundary and its tags.
struct PrincipalPolicies: Sendable {
    var identity: [PolicyText]
    var boundary: PolicyText?
    var tags: [Tag]
    /// The user's `AIDA…` ID (nil for a role).
    var userId: String?
}
