import Foundation
import PortlessCore

/// Finds the secret and principal behind an access key ID, for every SigV4 check (API, S3,
/// presigned URLs). Unknown keys are `UnrecognizedClientException`.
struct AccessKeyResolver: Sendable {
    let store: any Store
    let keyring: Keyring

    /// The signing secret and principal of `accessKeyId`; `securityToken` is the
    /// `X-Amz-Security-Token` sent with the request, if any.
    func resolve(accessKeyId: String, securityToken: String?, now: Date = Date()) async throws -> (secret: String, principal: Principal) {
        guard let key = try await store.accessKey(id: accessKeyId) else {
            throw PortlessError(.unrecognizedClient, "The security token included in the request is invalid.")
        }
        if securityToken != nil {
            throw PortlessError(.unrecognizedClient, "A security token was sent with a long-term access key.", field: "X-Amz-Security-Token")
        }
        let secret = try keyring.open(key.sealedSecret)
        return (secret, Principal(accountId: key.accountId, userName: key.userName, accessKeyId: key.accessKeyId))
    }
}
