public import Foundation

/// An IAM user: its groups, policies, boundary, tags and console password live in the record; its
/// access keys and MFA devices in their own tables.
public struct UserRecord: Sendable, Codable, Hashable {
    public var accountId: String
    public var userName: String
    /// `AIDA` and 17 upper-case letters and digits; kept across renames.
    public var userId: String
    public var path: String
    public var createDate: Date
    /// The permissions boundary's policy ARN.
    public var permissionsBoundary: String?
    public var tags: [Tag]
    public var policies: EntityPolicies
    /// The names of the groups the user is in, as the groups spell them.
    public var groups: [String]
    public var loginProfile: LoginProfileRecord?
    public var passwordLastUsed: Date?

    public init(accountId: String, userName: String, userId: String, path: String, createDate: Date,
                permissionsBoundary: String?, tags: [Tag]) {
        self.accountId = accountId
        self.userName = userName
        self.userId = userId
        self.path = path
        self.createDate = createDate
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
        self.policies = EntityPolicies()
        self.groups = []
    }

    /// `arn:aws:iam::ACCOUNT:user/PATH/NAME`.
    public var arn: String { "arn:aws:iam::\(accountId):user\(path)\(userName)" }
}
