public import Foundation

/// One version of a managed policy.
public struct PolicyVersionRecord: Sendable, Codable, Hashable {
    public var versionId: String
    /// The document as the caller sent it (not URL-encoded).
    public var document: String
    public var createDate: Date

    public init(versionId: String, document: String, createDate: Date) {
        self.versionId = versionId
        self.document = document
        self.createDate = createDate
    }
}
