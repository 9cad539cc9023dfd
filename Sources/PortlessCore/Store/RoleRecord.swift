public import Foundation

/// An IAM role: who may assume it is decided by its trust policy, stored exactly as given.
public struct RoleRecord: Sendable, Codable, Hashable {
    public var accountId: String
    public var roleName: String
    public var roleId: String
    /// `/` or `/a/b/`.
    public var path: String
    /// The trust policy (`AssumeRolePolicyDocument`), as the caller sent it (not URL-encoded).
    public var assumeRolePolicyDocument: String
    public var description: String?
    /// Seconds, 3600–43200.
    public var maxSessionDuration: Int
    public var createDate: Date
    public var tags: [Tag]
    /// The permissions boundary's policy ARN.
    public var permissionsBoundary: String?
    public var policies: EntityPolicies

    public init(accountId: String, roleName: String, roleId: String, path: String, assumeRolePolicyDocument: String,
                description: String?, maxSessionDuration: Int, createDate: Date, tags: [Tag], permissionsBoundary: String? = nil) {
        self.accountId = accountId
        self.roleName = roleName
        self.roleId = roleId
        self.path = path
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.createDate = createDate
        self.tags = tags
        self.permissionsBoundary = permissionsBoundary
        self.policies = EntityPolicies()
    }

    /// `arn:aws:iam::ACCOUNT:role/PATH/NAME`.
    public var arn: String { "arn:aws:iam::\(accountId):role\(path)\(roleName)" }
}
