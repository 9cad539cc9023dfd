public import Foundation

/// A stored version of a check bundle in one account, named by its archive's SHA-256.
public struct BundleRecord: Sendable, Codable, Hashable {
    public var accountId: String
    public var sha256: String
    /// The check IDs the bundle holds, in order.
    public var checkIds: [String]
    public var size: Int
    public var pushedAt: Date
    /// Who pushed it (an ARN), or `portless` for the bundle the server ships.
    public var pushedBy: String

    public init(accountId: String, sha256: String, checkIds: [String], size: Int, pushedAt: Date, pushedBy: String) {
        self.accountId = accountId
        self.sha256 = sha256
        self.checkIds = checkIds
        self.size = size
        self.pushedAt = pushedAt
        self.pushedBy = pushedBy
    }
}

/// An upload to a scan's result key that was refused or not trusted, kept with the scan for the auditor.
public struct ScanUploadRefusal: Sendable, Codable, Hashable {
    public var key: String
    public var nodeId: String?
    public var reason: String
    public var at: Date

    public init(key: String, nodeId: String?, reason: String, at: Date) {
        self.key = key
        self.nodeId = nodeId
        self.reason = reason
        self.at = at
    }
}
