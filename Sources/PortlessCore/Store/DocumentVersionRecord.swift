public import Foundation

/// One version of a document: its content exactly as given, its format and hash, and facts read from it.
public struct DocumentVersionRecord: Sendable, Codable, Hashable {
    public var name: String
    public var accountId: String
    public var version: Int
    public var versionName: String?
    /// The content as given to CreateDocument/UpdateDocument.
    public var content: String
    public var format: DocumentFormat
    /// Hex SHA-256 of `content`.
    public var hash: String
    public var createdDate: Date
    /// The content as a tree, validated.
    public var tree: JSONValue

    public init(name: String, accountId: String, version: Int, versionName: String?, content: String,
                format: DocumentFormat, hash: String, createdDate: Date, tree: JSONValue) {
        self.name = name
        self.accountId = accountId
        self.version = version
        self.versionName = versionName
        self.content = content
        self.format = format
        self.hash = hash
        self.createdDate = createdDate
        self.tree = tree
    }
}
