/// An account (12 digits, or `All`) a document is shared with, and which version it sees.
public struct DocumentShare: Sendable, Codable, Hashable {
    public var accountId: String
    /// `$DEFAULT`, `$LATEST` or `$ALL`.
    public var sharedDocumentVersion: String

    public init(accountId: String, sharedDocumentVersion: String) {
        self.accountId = accountId
        self.sharedDocumentVersion = sharedDocumentVersion
    }
}
