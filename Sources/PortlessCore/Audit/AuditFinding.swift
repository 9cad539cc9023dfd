/// One thing `portless audit verify` found wrong with the log or its digests.
public struct AuditFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A record's content no longer matches its hash, or the chain was rewritten around it.
        case changed
        /// A record the chain or a digest says existed is not in the log.
        case removed
        /// A record is out of its place in the log.
        case reordered
        /// A record that was never appended by the server.
        case inserted
        /// A line that is not an entry at all.
        case unreadable
        /// A digest that should exist does not.
        case digestMissing = "digest missing"
        /// A digest whose signature, key or chain to the digest before it does not verify.
        case digestForged = "digest forged"
        /// A digest that verifies but no longer matches the records it sealed.
        case digestMismatch = "digest mismatch"
    }

    public var kind: Kind
    /// What is named: `record 17 (eventID …)`, `digest 3`, or a file and line.
    public var subject: String
    public var detail: String

    public init(_ kind: Kind, _ subject: String, _ detail: String) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(subject): \(detail)" }
}
