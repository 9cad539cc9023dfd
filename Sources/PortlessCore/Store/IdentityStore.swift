public import Foundation

/// Persistence for IAM entities (users, groups, roles, managed policies, access keys, virtual MFA devices)
/// and STS temporary credentials. Every method is atomic.
///
/// Names are unique per account without regard to case, as IAM's are, and looked up the same way. Every
/// write to an entity or policy raises ``iamRevision()``.
public protocol IdentityStore: Sendable {
    /// A number that grows with every write to an IAM user, group, role or policy (not to keys or MFA
    /// devices); equal numbers mean nothing that decides access has changed.
    func iamRevision() async throws -> Int64
    /// When the account was created; nil for an unknown account.
    func accountCreationDate(accountId: String) async throws -> Date?

    // Roles.
    /// Stores a new role; throws `EntityAlreadyExists` if the account has a role of that name.
    func insertRole(_ role: RoleRecord) async throws
    func role(accountId: String, name: String) async throws -> RoleRecord?
    /// The account's roles, ordered by name (case-insensitively).
    func roles(accountId: String) async throws -> [RoleRecord]
    /// Reads the role, lets `body` change it, and writes it back; nil when there is no such role.
    func modifyRole(accountId: String, name: String, _ body: @Sendable (inout RoleRecord) throws -> Void) async throws -> RoleRecord?
    /// Deletes a role once `check` accepts it; false when there was none.
    func deleteRole(accountId: String, name: String, check: @Sendable (RoleRecord) throws -> Void) async throws -> Bool

    // Users.
    /// Stores a new user; throws `EntityAlreadyExists` if the account has a user of that name.
    func insertUser(_ user: UserRecord) async throws
    func user(accountId: String, name: String) async throws -> UserRecord?
    /// The account's users, ordered by name (case-insensitively).
    func users(accountId: String) async throws -> [UserRecord]
    /// The users in the group `groupName`, ordered by name.
    func users(accountId: String, inGroup groupName: String) async throws -> [UserRecord]
    func modifyUser(accountId: String, name: String, _ body: @Sendable (inout UserRecord) throws -> Void) async throws -> UserRecord?
    /// Renames and/or moves a user, carrying its access keys and MFA devices along; nil when there is no
    /// such user; `EntityAlreadyExists` when the new name is taken.
    func renameUser(accountId: String, name: String, newName: String?, newPath: String?) async throws -> UserRecord?
    /// Deletes a user once `check` accepts it and what still hangs on it; false when there was none.
    func deleteUser(accountId: String, name: String, check: @Sendable (UserRecord, UserDependents) throws -> Void) async throws -> Bool

    // Groups.
    func insertGroup(_ group: GroupRecord) async throws
    func group(accountId: String, name: String) async throws -> GroupRecord?
    func groups(accountId: String) async throws -> [GroupRecord]
    /// The account's groups among `names` (any case), in one read.
    func groups(accountId: String, names: [String]) async throws -> [GroupRecord]
    func modifyGroup(accountId: String, name: String, _ body: @Sendable (inout GroupRecord) throws -> Void) async throws -> GroupRecord?
    /// Deletes a group once `check` accepts it and its member count; false when there was none.
    func deleteGroup(accountId: String, name: String, check: @Sendable (GroupRecord, Int) throws -> Void) async throws -> Bool

    // Customer managed policies (by name: names are unique per account whatever the path).
    func insertManagedPolicy(_ policy: ManagedPolicyRecord) async throws
    func managedPolicy(accountId: String, name: String) async throws -> ManagedPolicyRecord?
    func managedPolicies(accountId: String) async throws -> [ManagedPolicyRecord]
    /// The account's policies among `names` (any case), in one read.
    func managedPolicies(accountId: String, names: [String]) async throws -> [ManagedPolicyRecord]
    func modifyManagedPolicy(accountId: String, name: String, _ body: @Sendable (inout ManagedPolicyRecord) throws -> Void) async throws -> ManagedPolicyRecord?
    /// Deletes a policy once `check` accepts it and its use in the account; false when there was none.
    func deleteManagedPolicy(accountId: String, name: String, check: @Sendable (ManagedPolicyRecord, PolicyUsage) throws -> Void) async throws -> Bool
    /// How each policy (by ARN, AWS managed ones included) is used by the account's users, groups and roles.
    func policyUsage(accountId: String) async throws -> [String: PolicyUsage]
    /// The account's users, groups and roles that use the policy `arn`.
    func entities(accountId: String, usingPolicy arn: String) async throws -> PolicyEntities

    // Access keys of users (`userName` nil: the account root's).
    /// Stores a new key for an existing user (or root), refusing with `LimitExceeded` past `limit` keys;
    /// nil when the user does not exist.
    func insertAccessKey(_ key: AccessKeyRecord, forRoot: Bool, limit: Int) async throws -> AccessKeyRecord?
    func accessKeys(accountId: String, userName: String?) async throws -> [AccessKeyRecord]
    func modifyAccessKey(accountId: String, userName: String?, id: String, _ body: @Sendable (inout AccessKeyRecord) throws -> Void) async throws -> AccessKeyRecord?
    func deleteAccessKey(accountId: String, userName: String?, id: String) async throws -> Bool
    /// Records the last use of a key (not an IAM change: the revision stays).
    func recordAccessKeyUse(id: String, _ use: AccessKeyLastUse) async throws

    // Virtual MFA devices.
    func insertMFADevice(_ device: MFADeviceRecord) async throws
    func mfaDevice(accountId: String, serialNumber: String) async throws -> MFADeviceRecord?
    /// The account's devices, by serial number; only `userName`'s when given.
    func mfaDevices(accountId: String, userName: String?) async throws -> [MFADeviceRecord]
    func modifyMFADevice(accountId: String, serialNumber: String, _ body: @Sendable (inout MFADeviceRecord) throws -> Void) async throws -> MFADeviceRecord?
    func deleteMFADevice(accountId: String, serialNumber: String, check: @Sendable (MFADeviceRecord) throws -> Void) async throws -> Bool

    /// Stores temporary credentials, and forgets those that expired before `purgeBefore`.
    func insertSessionCredential(_ credential: SessionCredentialRecord, purgeBefore: Date) async throws
    func sessionCredential(accessKeyId: String) async throws -> SessionCredentialRecord?
}
