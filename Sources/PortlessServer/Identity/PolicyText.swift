/// One policy document that applies to a principal, named for diagnostics.
struct PolicyText: Sendable, Hashable {
    /// The managed policy's ARN, or `user/NAME/inline/POLICY` (`group/…`, `role/…`) for an inline one.
    var name: String
    /// The document as stored (JSON, not URL-encoded).
    var document: String
}
