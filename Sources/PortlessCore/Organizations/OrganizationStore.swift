public import Foundation

/// Persistence for the organization, its accounts and its policies. Every method is atomic.
public protocol OrganizationStore: Sendable {
    func organization() async throws -> OrganizationRecord?
    /// Creates the organization with its management account and attaches `FullAWSAccess` to the root and that
    /// account; does nothing if an organization exists.
    func createOrganization(_ organization: OrganizationRecord, management: MemberAccountRecord) async throws

    /// Every account of the organization, by join date.
    func memberAccounts() async throws -> [MemberAccountRecord]
    func memberAccount(id: String) async throws -> MemberAccountRecord?
    /// Records a `CreateAccount` request; for a succeeded one also stores the account, its role and the
    /// `FullAWSAccess` attachment, all at once.
    func recordCreateAccount(_ status: CreateAccountStatusRecord, account: MemberAccountRecord?, role: RoleRecord?) async throws
    func createAccountStatus(id: String) async throws -> CreateAccountStatusRecord?

    /// Stores a customer-managed policy; throws `DuplicatePolicyException` when one of that type has its name.
    func insertOrganizationPolicy(_ policy: OrganizationPolicyRecord) async throws
    func organizationPolicy(id: String) async throws -> OrganizationPolicyRecord?
    func organizationPolicies(type: OrganizationPolicyRecord.PolicyType) async throws -> [OrganizationPolicyRecord]
    /// Replaces a customer-managed policy; throws `DuplicatePolicyException` on a name clash.
    func updateOrganizationPolicy(_ policy: OrganizationPolicyRecord) async throws
    /// Deletes a policy; throws `PolicyInUseException` while it is attached.
    func deleteOrganizationPolicy(id: String) async throws

    /// Attaches; throws `DuplicatePolicyAttachmentException` when already attached.
    func attachOrganizationPolicy(id: String, targetId: String) async throws
    /// Detaches; false when it was not attached.
    func detachOrganizationPolicy(id: String, targetId: String) async throws -> Bool
    /// The IDs of the policies attached to `targetId` (a root ID or an account ID).
    func organizationPolicyIds(targetId: String) async throws -> [String]
    /// The targets a policy is attached to.
    func organizationPolicyTargets(id: String) async throws -> [String]
}
