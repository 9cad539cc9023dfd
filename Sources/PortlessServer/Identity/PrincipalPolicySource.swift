import PortlessCore

/// The read side the policy evaluator uses: every policy that applies to a user or role, in at most three
/// indexed reads (the user or role; its groups; its customer managed policies).
///
/// Cache by ``generation()``: the store's IAM revision, raised in the same transaction as every write to a
/// user, group, role or managed policy (create, delete, attach, detach, inline put/delete, boundary, tags,
/// group membership, renames). Equal generations mean cached ``PrincipalPolicies`` are still right. Access
/// keys, login profiles' last use and MFA devices do not raise it.
struct PrincipalPolicySource: Sendable {
    let store: any IdentityStore

    /// The user's inline and attached policies, then each of its groups' inline and attached policies.
    func forUser(accountId: String, userName: String) async throws -> PrincipalPolicies {
        guard let user = try await store.user(accountId: accountId, name: userName) else { throw IAMEntity.noSuchUser(userName) }
        var inline = user.policies.inline.map { PolicyText(name: "user/\(user.userName)/inline/\($0.name)", document: $0.document) }
        var attached = user.policies.attached
        for group in try await store.groups(accountId: accountId, names: user.groups) {
            inline += group.policies.inline.map { PolicyText(name: "group/\(group.groupName)/inline/\($0.name)", document: $0.document) }
            let added = group.policies.attached.filter { !attached.contains($0) }
            attached += added
        }
        let managed = try await managedPolicies(accountId: accountId, arns: attached + (user.permissionsBoundary.map { [$0] } ?? []))
        return PrincipalPolicies(identity: inline + attached.compactMap { managed[$0] },
                                 boundary: user.permissionsBoundary.flatMap { managed[$0] }, tags: user.tags, userId: user.userId)
    }

    /// The role's inline and attached policies.
    func forRole(accountId: String, roleName: String) async throws -> PrincipalPolicies {
        guard let role = try await store.role(accountId: accountId, name: roleName) else { throw RoleService.noSuchRole(roleName) }
        let inline = role.policies.inline.map { PolicyText(name: "role/\(role.roleName)/inline/\($0.name)", document: $0.document) }
        let managed = try await managedPolicies(accountId: accountId, arns: role.policies.attached + (role.permissionsBoundary.map { [$0] } ?? []))
        return PrincipalPolicies(identity: inline + role.policies.attached.compactMap { managed[$0] },
                                 boundary: role.permissionsBoundary.flatMap { managed[$0] }, tags: role.tags, userId: nil)
    }

    /// The default version of the managed policy `arn` (AWS's or the ARN's own account's); nil when there is none.
    func managedPolicy(arn: String) async throws -> PolicyText? {
        guard let parsed = PolicyARN(arn) else { return nil }
        return try await managedPolicies(accountId: parsed.accountId, arns: [arn])[arn]
    }

    /// The store's IAM revision (see the type's documentation).
    func generation() async throws -> Int64 { try await store.iamRevision() }

    /// The default versions of `arns`, by ARN: AWS's from the catalog, the account's in one read.
    private func managedPolicies(accountId: String, arns: [String]) async throws -> [String: PolicyText] {
        var result: [String: PolicyText] = [:]
        var local: [PolicyARN] = []
        for arn in arns {
            guard let parsed = PolicyARN(arn) else { continue }
            if let policy = AWSManagedPolicies.policy(arn: parsed) {
                result[arn] = PolicyText(name: arn, document: policy.document)
            } else if parsed.accountId == accountId {
                local.append(parsed)
            }
        }
        for policy in try await store.managedPolicies(accountId: accountId, names: local.map(\.policyName)) {
            guard local.contains(where: { $0.path == policy.path && $0.policyName == policy.policyName }),
                  let version = policy.defaultVersion else { continue }
            result[policy.arn] = PolicyText(name: policy.arn, document: version.document)
        }
        return result
    }
}
