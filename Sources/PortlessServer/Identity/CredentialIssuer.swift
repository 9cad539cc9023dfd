import Foundation
import PortlessCore

/// Mints STS temporary credentials: an `ASIA…` key, a secret sealed under the keyring, and a session
/// token of which only the SHA-256 is stored.
struct CredentialIssuer: Sendable {
    /// Expired credentials are forgotten this long after they expire (they are refused either way).
    static let retention: TimeInterval = 24 * 3600

    let store: any IdentityStore
    let keyring: Keyring

    /// Issues credentials acting as `userName` of `accountId` (the IAM user `iamUserId`, or root), or as
    /// `assumedRole` (then `accountId` is the role's account), carrying `context`, valid for `seconds` from
    /// `now`, rounded down to the whole second.
    func issue(accountId: String, userName: String, iamUserId: String?, iamUserPath: String? = nil, sourceAccessKeyId: String,
               assumedRole: AssumedRoleSession?,
               context: SessionContext, seconds: Int, now: Date = Date()) async throws -> IssuedCredentials {
        let accessKeyId = Identifiers.temporaryAccessKeyID()
        let secret = Identifiers.secretAccessKey()
        let token = Identifiers.sessionToken()
        let expiration = now.addingTimeInterval(Double(seconds)).wholeSecond
        let record = SessionCredentialRecord(accessKeyId: accessKeyId, accountId: accountId, userName: userName,
                                             sealedSecret: try keyring.seal(secret),
                                             sessionTokenHash: SigV4.hexSHA256(Array(token.utf8)),
                                             expiration: expiration, createdAt: now, sourceAccessKeyId: sourceAccessKeyId,
                                             assumedRole: assumedRole, context: context, iamUserId: iamUserId,
                                             iamUserPath: iamUserPath)
        try await store.insertSessionCredential(record, purgeBefore: now.addingTimeInterval(-Self.retention))
        return IssuedCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }
}
