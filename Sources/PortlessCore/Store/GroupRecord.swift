public import Foundation

/// An IAM group; its members are named by the users' records (``UserRecord/groups``).
public struct GroupRecord: Sendable, Codable, Hashable {
    public var accountId: String
    public var groupName: String
    /// `AGPA` and 17 upper-case letters and digits.
    public var groupId: String
    public var path: String
    public var createDate: Date
    public var policies: EntityPolicies

    public init(accountId: String, groupName: String, groupId: String, path: String, createDate: Date) {
        self.accountId = accountId
        self.groupName = groupName
        self.groupId = groupId
        self.path = path
        self.createDate = createDate
        self.policies = EntityPolicies()
    }

    /// `arn:aws:iam::ACCOUNT:group/PATH/NAME`.
    public var arn: String { "arn:aws:iam::\(accountId):group\(path)\(groupName)" }
}
