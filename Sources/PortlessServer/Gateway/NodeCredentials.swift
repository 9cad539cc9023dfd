import Foundation
import PortlessCore

/// Issues a node the temporary credentials of its role session (`assumed-role/ROLE/mi-…`), which its agent hands to
/// the scripts it runs: a script's AWS calls are decided by the node's role, as on SSM's hybrid nodes.
struct NodeCredentials: Sendable {
    /// How long one set is valid; the gateway sends a new set after half of it.
    static let lifetime = 3600
    static let refreshAfter: TimeInterval = 1800

    let store: any IdentityStore
    let issuer: CredentialIssuer

    /// A fresh set for `node`'s role session; nil when the role no longer exists.
    func issue(for node: NodeRecord, now: Date = Date()) async throws -> RoleCredentials? {
        let (_, name) = NodeIdentity.split(node.iamRole)
        guard let role = try await store.role(accountId: node.accountId, name: name) else { return nil }
        let session = AssumedRoleSession(roleName: role.roleName, roleId: role.roleId, rolePath: role.path, sessionName: node.instanceId)
        let issued = try await issuer.issue(accountId: node.accountId, userName: node.instanceId, iamUserId: nil, sourceAccessKeyId: "node:\(node.instanceId)",
                                            assumedRole: session, context: SessionContext(issuedAt: now), seconds: Self.lifetime, now: now)
        return RoleCredentials(accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken,
                               expiration: issued.expiration)
    }
}
