public import Foundation

/// The one organization of a Portless server: the account made at first start manages it, and every
/// account created later is a member under its single root.
public struct OrganizationRecord: Sendable, Codable, Hashable {
    /// `o-` and 10 lower-case alphanumerics.
    public var id: String
    public var managementAccountId: String
    public var managementAccountEmail: String
    /// `r-` and 4 lower-case alphanumerics.
    public var rootId: String
    public var createdAt: Date

    public init(id: String, managementAccountId: String, managementAccountEmail: String, rootId: String, createdAt: Date) {
        self.id = id
        self.managementAccountId = managementAccountId
        self.managementAccountEmail = managementAccountEmail
        self.rootId = rootId
        self.createdAt = createdAt
    }

    /// `arn:aws:organizations::MANAGEMENT:organization/o-…`.
    public var arn: String { "arn:aws:organizations::\(managementAccountId):organization/\(id)" }
    /// `arn:aws:organizations::MANAGEMENT:root/o-…/r-…`.
    public var rootArn: String { "arn:aws:organizations::\(managementAccountId):root/\(id)/\(rootId)" }

    /// `arn:aws:organizations::MANAGEMENT:account/o-…/ACCOUNT`.
    public func accountArn(_ accountId: String) -> String {
        "arn:aws:organizations::\(managementAccountId):account/\(id)/\(accountId)"
    }

    /// The ARN of a customer-managed organization policy.
    public func policyArn(_ policy: OrganizationPolicyRecord) -> String {
        if policy.awsManaged { return "arn:aws:organizations::aws:policy/\(policy.type.arnSegment)/\(policy.id)" }
        return "arn:aws:organizations::\(managementAccountId):policy/\(id)/\(policy.type.arnSegment)/\(policy.id)"
    }
}
