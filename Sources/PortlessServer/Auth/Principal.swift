public import PortlessCore

/// Who made a request, as established by its signature.
public struct Principal: Sendable, Hashable {
    public var accountId: String
    /// The IAM user (`root` for the account's root), or the role session name for an assumed role.
    public var userName: String
    public var accessKeyId: String
    /// The role and session, for credentials from `AssumeRole`.
    public var assumedRole: AssumedRoleSession? = nil
    /// Whether the request was signed with temporary (`ASIA…`) credentials.
    public var isTemporary: Bool = false
    /// The IAM user's ID (`AIDA…`) and path, for an IAM user's access key and its session credentials.
    public var iamUserId: String? = nil
    public var userPath: String = "/"
    /// What temporary credentials carry: MFA, source identity, session policies.
    public var session: SessionContext? = nil

    /// Whether this is the account's root (not an IAM user, even one named `root`).
    public var isRoot: Bool { assumedRole == nil && iamUserId == nil && userName == "root" }

    /// The caller's ARN: `…:root`, `…:user/PATH/NAME`, or `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    public var arn: String {
        if let assumedRole { return assumedRole.arn(accountId: accountId) }
        return isRoot ? "arn:aws:iam::\(accountId):root" : "arn:aws:iam::\(accountId):user\(userPath)\(userName)"
    }

    /// `GetCallerIdentity`'s `UserId`: the account ID for root, `AROA…:SESSION` for an assumed role, the
    /// user's own ID for an IAM user's key, and otherwise (session credentials of a user) an ID derived
    /// from account and name.
    public var userId: String {
        if let assumedRole { return assumedRole.assumedRoleId }
        if let iamUserId { return iamUserId }
        if isRoot { return accountId }
        let digest = SigV4.hexSHA256(Array("\(accountId)/\(userName)".utf8)).uppercased()
        return "AIDA" + String(digest.prefix(17))
    }
}
