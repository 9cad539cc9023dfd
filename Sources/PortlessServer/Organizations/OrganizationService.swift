import Foundation
import PortlessCore

/// The organization: its accounts, `CreateAccount` (with the role AWS makes in every new member account),
/// and service control policies. Management-only operations refuse callers from member accounts as AWS does.
struct OrganizationService: Sendable {
    /// What the access role of a new account may do: everything, as AWS's `AdministratorAccess`.
    static let administratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess"
    /// The role `CreateAccount` makes when the request names none.
    static let defaultAccessRoleName = "OrganizationAccountAccessRole"

    let store: any Store & OrganizationStore & IdentityStore

    /// What `CreateAccount` asks for.
    struct CreateAccountInput: Sendable {
        var email: String
        var accountName: String
        var roleName: String?
        var tags: [Tag]
    }

    /// What `CreatePolicy` and `UpdatePolicy` ask for (nil: unchanged, for updates).
    struct PolicyInput: Sendable {
        var name: String?
        var description: String?
        var content: String?
        var type: OrganizationPolicyRecord.PolicyType?
        var tags: [Tag] = []
    }

    func organization(principal: Principal) async throws -> OrganizationRecord {
        guard let organization = try await store.organization(),
              try await store.memberAccount(id: principal.accountId) != nil else { throw PortlessError.Organizations.notInUse }
        return organization
    }

    /// Creates a member account and its access role, trusting the management account, and attaches
    /// `FullAWSAccess` to it. A second account with the same email ends `FAILED` with `EMAIL_ALREADY_EXISTS`.
    func createAccount(_ input: CreateAccountInput, principal: Principal, now: Date = Date()) async throws -> CreateAccountStatusRecord {
        let organization = try await managementOrganization(principal)
        try OrganizationValidation.email(input.email)
        try OrganizationValidation.accountName(input.accountName)
        let roleName = input.roleName ?? Self.defaultAccessRoleName
        try IAMValidation.roleName(roleName)
        try IAMValidation.tags(input.tags)
        let requested = now.wholeSecond
        let requestId = Identifiers.createAccountRequestID()
        if try await store.memberAccounts().contains(where: { $0.email.lowercased() == input.email.lowercased() }) {
            let failed = CreateAccountStatusRecord(id: requestId, accountName: input.accountName, state: .failed, requestedAt: requested,
                                                   completedAt: requested, accountId: nil, failureReason: .emailAlreadyExists)
            try await store.recordCreateAccount(failed, account: nil, role: nil)
            return failed
        }
        let accountId = try await unusedAccountId()
        let account = MemberAccountRecord(id: accountId, name: input.accountName, email: input.email, joinedMethod: .created,
                                          joinedAt: requested, tags: input.tags)
        var role = RoleRecord(accountId: accountId, roleName: roleName, roleId: Identifiers.roleID(), path: "/",
                              assumeRolePolicyDocument: Self.accessRoleTrustPolicy(managementAccountId: organization.managementAccountId),
                              description: nil, maxSessionDuration: 3600, createDate: requested, tags: [])
        role.policies.attached = [Self.administratorAccess]
        let status = CreateAccountStatusRecord(id: requestId, accountName: input.accountName, state: .succeeded, requestedAt: requested,
                                               completedAt: requested, accountId: accountId, failureReason: nil)
        try await store.recordCreateAccount(status, account: account, role: role)
        return status
    }

    func createAccountStatus(id: String, principal: Principal) async throws -> CreateAccountStatusRecord {
        _ = try await managementOrganization(principal)
        guard OrganizationValidation.isCreateAccountRequestId(id), let status = try await store.createAccountStatus(id: id) else {
            throw PortlessError.Organizations.statusNotFound
        }
        return status
    }

    func accounts(principal: Principal) async throws -> [MemberAccountRecord] {
        _ = try await managementOrganization(principal)
        return try await store.memberAccounts()
    }

    func account(id: String, principal: Principal) async throws -> MemberAccountRecord {
        _ = try await managementOrganization(principal)
        guard let account = try await store.memberAccount(id: id) else { throw PortlessError.Organizations.accountNotFound }
        return account
    }

    // MARK: Policies

    func createPolicy(_ input: PolicyInput, principal: Principal) async throws -> OrganizationPolicyRecord {
        _ = try await managementOrganization(principal)
        guard let name = input.name, let content = input.content, let type = input.type else {
            throw PortlessError(.invalidInputOrganizations, "Name, Content, Description and Type are required.", field: "Name")
        }
        try OrganizationValidation.policyName(name)
        try OrganizationValidation.policyDescription(input.description ?? "")
        try Self.checkContent(content)
        try IAMValidation.tags(input.tags)
        let policy = OrganizationPolicyRecord(id: Identifiers.organizationPolicyID(), name: name, description: input.description ?? "",
                                              type: type, awsManaged: false, content: content, tags: input.tags)
        try await store.insertOrganizationPolicy(policy)
        return policy
    }

    func policy(id: String, principal: Principal) async throws -> OrganizationPolicyRecord {
        _ = try await managementOrganization(principal)
        return try await existingPolicy(id)
    }

    func updatePolicy(id: String, _ input: PolicyInput, principal: Principal) async throws -> OrganizationPolicyRecord {
        _ = try await managementOrganization(principal)
        var policy = try await existingPolicy(id)
        guard !policy.awsManaged else {
            throw PortlessError(.invalidInputOrganizations, "AWS-managed policies cannot be changed (IMMUTABLE_POLICY).", field: "PolicyId")
        }
        if let name = input.name { try OrganizationValidation.policyName(name); policy.name = name }
        if let description = input.description { try OrganizationValidation.policyDescription(description); policy.description = description }
        if let content = input.content { try Self.checkContent(content); policy.content = content }
        try await store.updateOrganizationPolicy(policy)
        return policy
    }

    func deletePolicy(id: String, principal: Principal) async throws {
        _ = try await managementOrganization(principal)
        let policy = try await existingPolicy(id)
        guard !policy.awsManaged else {
            throw PortlessError(.invalidInputOrganizations, "AWS-managed policies cannot be deleted (IMMUTABLE_POLICY).", field: "PolicyId")
        }
        try await store.deleteOrganizationPolicy(id: id)
    }

    func policies(type: OrganizationPolicyRecord.PolicyType, principal: Principal) async throws -> [OrganizationPolicyRecord] {
        _ = try await managementOrganization(principal)
        return try await store.organizationPolicies(type: type)
    }

    func attachPolicy(id: String, targetId: String, principal: Principal) async throws {
        let organization = try await managementOrganization(principal)
        _ = try await existingPolicy(id)
        try await requireTarget(targetId, organization: organization)
        try await store.attachOrganizationPolicy(id: id, targetId: targetId)
    }

    /// Detaches; a target must keep at least one SCP, as in AWS.
    func detachPolicy(id: String, targetId: String, principal: Principal) async throws {
        let organization = try await managementOrganization(principal)
        _ = try await existingPolicy(id)
        try await requireTarget(targetId, organization: organization)
        let attached = try await store.organizationPolicyIds(targetId: targetId)
        guard attached.contains(id) else { throw PortlessError.Organizations.notAttached }
        guard attached.count > 1 else {
            throw PortlessError(.constraintViolationOrganizations,
                                "A target must keep at least one service control policy (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED).", field: "PolicyId")
        }
        _ = try await store.detachOrganizationPolicy(id: id, targetId: targetId)
    }

    func policies(forTarget targetId: String, type: OrganizationPolicyRecord.PolicyType, principal: Principal) async throws -> [OrganizationPolicyRecord] {
        let organization = try await managementOrganization(principal)
        try await requireTarget(targetId, organization: organization)
        var result: [OrganizationPolicyRecord] = []
        for id in try await store.organizationPolicyIds(targetId: targetId) {
            if let policy = try await store.organizationPolicy(id: id), policy.type == type { result.append(policy) }
        }
        return result
    }

    /// A policy's targets with their names and kinds.
    func targets(ofPolicy id: String, principal: Principal) async throws -> [PolicyTarget] {
        let organization = try await managementOrganization(principal)
        _ = try await existingPolicy(id)
        var result: [PolicyTarget] = []
        for targetId in try await store.organizationPolicyTargets(id: id) {
            if targetId == organization.rootId {
                result.append(PolicyTarget(id: targetId, arn: organization.rootArn, name: "Root", kind: .root))
            } else if let account = try await store.memberAccount(id: targetId) {
                result.append(PolicyTarget(id: targetId, arn: organization.accountArn(targetId), name: account.name, kind: .account))
            }
        }
        return result
    }

    /// The SCPs that limit principals of `accountId`, one list per level (root, then the account); empty for
    /// the management account, which SCPs do not limit, and for an account outside the organization.
    func serviceControlPolicies(accountId: String) async throws -> [[OrganizationPolicyRecord]] {
        guard let organization = try await store.organization(), organization.managementAccountId != accountId,
              try await store.memberAccount(id: accountId) != nil else { return [] }
        var levels: [[OrganizationPolicyRecord]] = []
        for target in [organization.rootId, accountId] {
            var level: [OrganizationPolicyRecord] = []
            for id in try await store.organizationPolicyIds(targetId: target) {
                if let policy = try await store.organizationPolicy(id: id), policy.type == .serviceControlPolicy { level.append(policy) }
            }
            levels.append(level)
        }
        return levels
    }

    /// The trust policy of the role `CreateAccount` makes: the management account may assume it.
    static func accessRoleTrustPolicy(managementAccountId: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(managementAccountId):root"},"Action":"sts:AssumeRole"}]}"#
    }

    // MARK: Helpers

    private func managementOrganization(_ principal: Principal) async throws -> OrganizationRecord {
        let organization = try await organization(principal: principal)
        guard organization.managementAccountId == principal.accountId else {
            throw PortlessError(aws: .accessDenied, "You don't have permissions to access this resource.")
        }
        return organization
    }

    private func existingPolicy(_ id: String) async throws -> OrganizationPolicyRecord {
        guard OrganizationValidation.isPolicyId(id), let policy = try await store.organizationPolicy(id: id) else {
            throw PortlessError.Organizations.policyNotFound
        }
        return policy
    }

    private func requireTarget(_ targetId: String, organization: OrganizationRecord) async throws {
        if targetId == organization.rootId { return }
        guard OrganizationValidation.isAccountId(targetId), try await store.memberAccount(id: targetId) != nil else {
            throw PortlessError.Organizations.targetNotFound
        }
    }

    private func unusedAccountId() async throws -> String {
        while true {
            let candidate = Identifiers.accountID()
            if try await store.memberAccount(id: candidate) == nil { return candidate }
        }
    }

    private static func checkContent(_ content: String) throws {
        guard PolicySizeLimit.size(of: content) <= PolicySizeLimit.serviceControl.characters else {
            throw PortlessError(.constraintViolationOrganizations,
                                "The policy content is larger than \(PolicySizeLimit.serviceControl.characters) characters (POLICY_CONTENT_LIMIT_EXCEEDED).",
                                field: "Content")
        }
        do {
            _ = try Policy(json: content, kind: .serviceControl, field: "Content")
        } catch let error as PortlessError {
            throw PortlessError(aws: .malformedPolicyDocumentOrganizations, error.message, field: "Content")
        }
    }
}

/// A target a policy is attached to.
struct PolicyTarget: Sendable {
    enum Kind: String, Sendable { case root = "ROOT", account = "ACCOUNT" }
    var id: String
    var arn: String
    var name: String
    var kind: Kind
}
