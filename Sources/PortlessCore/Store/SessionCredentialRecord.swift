public import Foundation

/// Temporary credentials issued by STS (`ASIA…`). The secret is sealed under the server's keyring; of
/// the session token only its SHA-256 is kept.
public struct SessionCredentialRecord: Sendable, Codable, Hashable {
    public var accessKeyId: String
    public var accountId: String
    /// The user who asked for the credentials (`GetSessionToken`), or the role session name (`AssumeRole`).
    public var userName: String
    public var sealedSecret: Data
    /// Lower-case hex SHA-256 of the session token.
    public var sessionTokenHash: String
    public var expiration: Date
    public var createdAt: Date
    /// The access key that asked for these credentials.
    public var sourceAccessKeyId: String
    /// Set when the credentials come from `AssumeRole`.
    public var assumedRole: AssumedRoleSession?
    /// MFA, source identity and session policies (nil in records from before they were kept).
    public var context: SessionContext?
    /// The IAM user's ID and path, for credentials a user asked for with `GetSessionToken`.
    public var iamUserId: String?
    public var iamUserPath: String?

    public init(accessKeyId: String, accountId: String, userName: String, sealedSecret: Data, sessionTokenHash: String,
                expiration: Date, createdAt: Date, sourceAccessKeyId: String, assumedRole: AssumedRoleSession?,
                context: SessionContext? = nil, iamUserId: String? = nil, iamUserPath: String? = nil) {
        self.accessKeyId = accessKeyId
        self.accountId = accountId
        self.userName = userName
        self.sealedSecret = sealedSecret
        self.sessionTokenHash = sessionTokenHash
        self.expiration = expiration
        self.createdAt = createdAt
        self.sourceAccessKeyId = sourceAccessKeyId
        self.assumedRole = assumedRole
        self.context = context
        self.iamUserId = iamUserId
        self.iamUserPath = iamUserPath
    }
}
