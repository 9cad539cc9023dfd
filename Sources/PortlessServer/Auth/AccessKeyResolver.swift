import Foundation
import Logging
import PortlessCore

/// Finds the secret and principal behind an access key ID, for every SigV4 check (API, S3,
/// presigned URLs).
///
/// Long-term keys (`AKIA…`) must come without a session token, and must be Active (an Inactive key is
/// refused exactly like an unknown one). Temporary keys (`ASIA…`, from STS) need the session token they
/// were issued with (its SHA-256 is compared in constant time) and stop working the second they expire.
/// Unknown keys and wrong or missing tokens are `UnrecognizedClientException` (the Query protocol says
/// `InvalidClientTokenId`); expired ones are `ExpiredTokenException` (`ExpiredToken`).
struct AccessKeyResolver: Sendable {
    let store: any Store & IdentityStore
    let keyring: Keyring
    let throttle = KeyUseThrottle()
    static let logger = Logger(label: "portless.access-keys")

    /// AWS's text for an unknown key or a wrong, missing or unexpected session token.
    static let invalidToken = PortlessError(aws: .unrecognizedClient, "The security token included in the request is invalid.",
                                            field: "X-Amz-Security-Token")

    /// The signing secret and principal of `accessKeyId`; `securityToken` is the
    /// `X-Amz-Security-Token` sent with the request, if any.
    func resolve(accessKeyId: String, securityToken: String?, now: Date = Date()) async throws -> (secret: String, principal: Principal) {
        if Identifiers.isTemporaryAccessKeyID(accessKeyId) {
            return try await resolveTemporary(accessKeyId: accessKeyId, securityToken: securityToken, now: now)
        }
        guard let key = try await store.accessKey(id: accessKeyId), key.status == .active, securityToken == nil else { throw Self.invalidToken }
        let secret = try keyring.open(key.sealedSecret)
        return (secret, Principal(accountId: key.accountId, userName: key.userName, accessKeyId: key.accessKeyId, iamUserId: key.userId,
                                  userPath: key.userPath ?? "/"))
    }

    /// Records that a long-term key signed a verified request for `service` in `region` — at most once a
    /// minute per key (in memory), so only that one request in a minute waits for the write. Failures are
    /// logged, never raised.
    func recordUse(of principal: Principal, service: String, region: String, now: Date = Date()) async {
        guard !principal.isTemporary, throttle.shouldRecord(principal.accessKeyId, now: now) else { return }
        do {
            try await store.recordAccessKeyUse(id: principal.accessKeyId, AccessKeyLastUse(date: now, serviceName: service, region: region))
        } catch {
            Self.logger.warning("access key use not recorded", metadata: ["portless.error": "\(error)"])
        }
    }

    private func resolveTemporary(accessKeyId: String, securityToken: String?, now: Date) async throws -> (secret: String, principal: Principal) {
        guard let credential = try await store.sessionCredential(accessKeyId: accessKeyId), let securityToken, !securityToken.isEmpty,
              ConstantTime.equals(SigV4.hexSHA256(Array(securityToken.utf8)), credential.sessionTokenHash)
        else { throw Self.invalidToken }
        guard now < credential.expiration else {
            // AWS's text has no final period.
            throw PortlessError(aws: .expiredTokenException, "The security token included in the request is expired", field: "X-Amz-Security-Token")
        }
        let secret = try keyring.open(credential.sealedSecret)
        let principal = Principal(accountId: credential.accountId, userName: credential.userName, accessKeyId: credential.accessKeyId,
                                  assumedRole: credential.assumedRole, isTemporary: true, iamUserId: credential.iamUserId,
                                  userPath: credential.iamUserPath ?? "/",
                                  session: credential.context ?? SessionContext(issuedAt: credential.createdAt))
        return (secret, principal)
    }
}
