public import Foundation

/// A document owned by an account: its versions are `DocumentVersionRecord`s.
public struct DocumentRecord: Sendable, Codable, Hashable {
    public var name: String
    public var accountId: String
    public var documentType: DocumentType
    public var createdDate: Date
    public var defaultVersion: Int
    public var latestVersion: Int
    public var targetType: String?

    public init(name: String, accountId: String, documentType: DocumentType = .command, createdDate: Date,
                defaultVersion: Int = 1, latestVersion: Int = 1, targetType: String? = nil) {
        self.name = name
        self.accountId = accountId
        self.documentType = documentType
        self.createdDate = createdDate
        self.defaultVersion = defaultVersion
        self.latestVersion = latestVersion
        self.targetType = targetType
    }
}
