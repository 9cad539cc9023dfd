public import Foundation

/// A customer managed policy and its versions (at most five).
public struct ManagedPolicyRecord: Sendable, Codable, Hashable {
    public static let maximumVersions = 5

    public var accountId: String
    public var policyName: String
    /// `ANPA` and 17 upper-case letters and digits.
    public var policyId: String
    public var path: String
    public var description: String?
    public var createDate: Date
    public var updateDate: Date
    public var defaultVersionId: String
    public var versions: [PolicyVersionRecord]
    /// The number the next version gets (`v2`, `v3`, …; numbers are never reused).
    public var nextVersion: Int
    public var tags: [Tag]

    public init(accountId: String, policyName: String, policyId: String, path: String, description: String?,
                document: String, createDate: Date, tags: [Tag]) {
        self.accountId = accountId
        self.policyName = policyName
        self.policyId = policyId
        self.path = path
        self.description = description
        self.createDate = createDate
        self.updateDate = createDate
        self.defaultVersionId = "v1"
        self.versions = [PolicyVersionRecord(versionId: "v1", document: document, createDate: createDate)]
        self.nextVersion = 2
        self.tags = tags
    }

    public var arn: String { PolicyARN(accountId: accountId, path: path, policyName: policyName).string }

    public var defaultVersion: PolicyVersionRecord? { versions.first { $0.versionId == defaultVersionId } }
}
