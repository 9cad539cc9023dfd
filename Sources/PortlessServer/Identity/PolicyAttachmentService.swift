import Foundation
import PortlessCore

/// Managed policies attached to users, groups and roles, and who uses a policy.
struct PolicyAttachmentService: Sendable {
    let store: any IdentityStore
    let policies: ManagedPolicyService

    /// Attaches the policy `arn` (idempotent), refusing an unknown policy and an 11th attachment.
    func attach(accountId: String, entity: IAMEntity, policyArn arn: String) async throws {
        try entity.validate()
        try await policies.requireAttachable(accountId: accountId, arn: arn)
        let quota = PortlessError(aws: .limitExceeded, "Cannot exceed quota for \(entity.attachmentQuota): \(IAMEntity.attachedPolicyLimit)", field: "PolicyArn")
        try await entity.modifyPolicies(accountId: accountId, in: store) { policies in
            guard !policies.attached.contains(arn) else { return }
            guard policies.attached.count < IAMEntity.attachedPolicyLimit else { throw quota }
            policies.attached.append(arn)
        }
    }

    func detach(accountId: String, entity: IAMEntity, policyArn arn: String) async throws {
        try entity.validate()
        try IAMValidation.arn(arn, field: "PolicyArn")
        let notAttached = PortlessError(aws: .noSuchEntity, "Policy \(arn) was not found.", field: "PolicyArn")
        try await entity.modifyPolicies(accountId: accountId, in: store) { policies in
            guard let index = policies.attached.firstIndex(of: arn) else { throw notAttached }
            policies.attached.remove(at: index)
        }
    }

    /// The entity's attached policies (name and ARN) whose path starts with `pathPrefix`, by name.
    func listAttached(accountId: String, entity: IAMEntity, pathPrefix: String?, marker: String?, maxItems: String?)
        async throws -> (policies: [PolicyARN], marker: String?) {
        try entity.validate()
        if let pathPrefix { try IAMValidation.policyPath(pathPrefix, field: "PathPrefix") }
        let attached = try await entity.policies(accountId: accountId, in: store).attached.compactMap(PolicyARN.init)
            .filter { pathPrefix.map($0.path.hasPrefix) ?? true }
            .sorted { $0.policyName < $1.policyName }
        let page = try IAMPaging.page(attached, key: { $0.policyName }, marker: marker, maxItems: maxItems)
        return (page.items, page.marker)
    }

    /// `ListEntitiesForPolicy`: who uses the policy, filtered by kind (`User`, `Role`, `Group`, `LocalManagedPolicy`,
    /// `AWSManagedPolicy`), path prefix and usage (`PermissionsPolicy` or `PermissionsBoundary`).
    func entities(accountId: String, policyArn arn: String, entityFilter: String?, pathPrefix: String?, usageFilter: String?) async throws -> PolicyEntities {
        if let entityFilter {
            try IAMValidation.oneOf(entityFilter, field: "EntityFilter", ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"])
        }
        if let usageFilter { try IAMValidation.oneOf(usageFilter, field: "PolicyUsageFilter", ["PermissionsPolicy", "PermissionsBoundary"]) }
        if let pathPrefix { try IAMValidation.pathPrefix(pathPrefix) }
        _ = try await policies.get(accountId: accountId, arn: arn)
        let found = try await store.entities(accountId: accountId, usingPolicy: arn)
        var result = PolicyEntities()
        let prefix = pathPrefix ?? "/"
        let wants: (String) -> Bool = { entityFilter == nil || entityFilter == $0 }
        if usageFilter != "PermissionsBoundary" {
            if wants("User") { result.users = found.users.filter { $0.path.hasPrefix(prefix) } }
            if wants("Group") { result.groups = found.groups.filter { $0.path.hasPrefix(prefix) } }
            if wants("Role") { result.roles = found.roles.filter { $0.path.hasPrefix(prefix) } }
        }
        if usageFilter != "PermissionsPolicy" {
            if wants("User") { result.users += found.boundaryUsers.filter { $0.path.hasPrefix(prefix) && !result.users.contains($0) } }
            if wants("Role") { result.roles += found.boundaryRoles.filter { $0.path.hasPrefix(prefix) && !result.roles.contains($0) } }
        }
        return result
    }
}
