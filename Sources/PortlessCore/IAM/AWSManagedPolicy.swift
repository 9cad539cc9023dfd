public import Foundation

/// One policy AWS manages (`arn:aws:iam::aws:policy/…`): visible to every account, read-only, attachable.
public struct AWSManagedPolicy: Sendable, Hashable {
    public var name: String
    /// `/` or `/service-role/`.
    public var path: String
    public var policyId: String
    public var description: String
    public var versionId: String
    public var createDate: Date
    public var updateDate: Date
    /// The default version's document (JSON).
    public var document: String

    public var arn: String { PolicyARN(accountId: PolicyARN.awsAccount, path: path, policyName: name).string }
}
