/// Who makes a request, as the policy evaluator needs to know it.
public struct PrincipalFacts: Sendable, Hashable {
    /// What kind of principal this is.
    public enum Kind: Sendable, Hashable {
        /// The account's root user (`arn:aws:iam::ACCOUNT:root`).
        case root
        case user
        /// A role session (`arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`) of the role `roleArn`.
        case assumedRole(roleArn: String)
        /// A federated user session (`arn:aws:sts::ACCOUNT:federated-user/NAME`).
        case federatedUser
        /// A caller authenticated by an identity provider (AssumeRoleWithWebIdentity/SAML), named as trust policies name it.
        case federated(provider: String)
        /// An AWS service principal such as `ssm.amazonaws.com`.
        case service(String)
        /// An unsigned request (a presigned-less object read).
        case anonymous
    }

    public var arn: String
    public var accountId: String
    public var kind: Kind
    /// `AIDA…` for users, `AROA…:session` for role sessions, the account ID for root.
    public var userId: String
    /// The IAM user name, which `aws:username` and `${aws:username}` resolve to; nil for role sessions, as in AWS.
    public var username: String?
    /// The organization's ID (`o-…`), if the account is in one.
    public var orgId: String?

    public init(arn: String, accountId: String, kind: Kind, userId: String = "", username: String? = nil, orgId: String? = nil) {
        self.arn = arn
        self.accountId = accountId
        self.kind = kind
        self.userId = userId
        self.username = username
        self.orgId = orgId
    }

    /// The `Principal` element's spelling of this principal's account.
    var accountRootArn: String { "arn:aws:iam::\(accountId):root" }

    /// `aws:PrincipalType` as AWS spells it.
    var principalType: String {
        switch kind {
        case .root: "Account"
        case .user: "User"
        case .assumedRole: "AssumedRole"
        case .federatedUser: "FederatedUser"
        case .federated: "WebIdentityUser"
        case .service: "Service"
        case .anonymous: "Anonymous"
        }
    }

    /// `aws:PrincipalArn`: the role's ARN for role sessions, else the principal's own.
    var principalArn: String {
        if case .assumedRole(let roleArn) = kind { return roleArn }
        return arn
    }

    /// Whether an IAM policy can be attached to this principal (identity policies and boundaries apply).
    var hasIdentity: Bool {
        switch kind {
        case .user, .assumedRole, .federatedUser: true
        case .root, .federated, .service, .anonymous: false
        }
    }
}
