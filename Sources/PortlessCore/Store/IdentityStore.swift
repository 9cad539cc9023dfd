public import Foundation

/// Persistence for IAM roles and STS temporary credentials. Every method is atomic.
///
/// Role names are unique per account without regard to case, as IAM's are, and looked up the same way.
public protocol IdentityStore: Sendable {
    /// Stores a new role; throws `EntityAlreadyExists` if the account has a role of that name.
    func insertRole(_ role: RoleRecord) async throws
    func role(accountId: String, name: String) async throws -> RoleRecord?
    /// The account's roles, ordered by name (case-insensitively).
    func roles(accountId: String) async throws -> [RoleRecord]
    /// Reads the role, lets `body` change it, and writes it back; nil when there is no such role.
    func modifyRole(accountId: String, name: String, _ body: @Sendable (inout RoleRecord) throws -> Void) async throws -> RoleRecord?
    /// Deletes a role; false when there was none.
    func deleteRole(accountId: String, name: String) async throws -> Bool

    /// Stores temporary credentials, and forgets those that expired before `purgeBefore`.
    func insertSessionCredential(_ credential: SessionCredentialRecord, purgeBefore: Date) async throws
    func sessionCredential(accessKeyId: String) async throws -> SessionCredentialRecord?
}
