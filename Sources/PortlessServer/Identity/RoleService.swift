import Foundation
import PortlessCore

/// IAM roles of an account: create, read, list, delete (once it has no policies), replace the trust
/// policy, tags and permissions boundary.
struct RoleService: Sendable {
    let store: any IdentityStore
    let policies: ManagedPolicyService

    /// What `CreateRole` asks for.
    struct CreateInput: Sendable {
        var roleName: String
        var assumeRolePolicyDocument: String
        var path: String?
        var description: String?
        var maxSessionDuration: String?
        var permissionsBoundary: String?
        var tags: [Tag]
    }

    /// A page of `ListRoles`.
    struct Page: Sendable {
        var roles: [RoleRecord]
        /// Where the next page starts, when there is one.
        var marker: String?
    }

    func create(accountId: String, input: CreateInput, now: Date = Date()) async throws -> RoleRecord {
        try IAMValidation.roleName(input.roleName)
        let path = input.path ?? "/"
        try IAMValidation.path(path)
        if let description = input.description { try IAMValidation.description(description) }
        let maxSession = try input.maxSessionDuration.map {
            try IAMValidation.integer($0, field: "MaxSessionDuration", in: 3600...SessionDurations.assumeRoleMaximum)
        } ?? 3600
        try IAMValidation.tags(input.tags)
        try IAMValidation.policyDocument(input.assumeRolePolicyDocument, field: "AssumeRolePolicyDocument", kind: .trust)
        if let boundary = input.permissionsBoundary { try await policies.requireBoundary(accountId: accountId, arn: boundary) }
        let role = RoleRecord(accountId: accountId, roleName: input.roleName, roleId: Identifiers.roleID(), path: path,
                              assumeRolePolicyDocument: input.assumeRolePolicyDocument, description: input.description,
                              maxSessionDuration: maxSession, createDate: now.wholeSecond,
                              tags: input.tags, permissionsBoundary: input.permissionsBoundary)
        try await store.insertRole(role)
        return role
    }

    func get(accountId: String, name: String) async throws -> RoleRecord {
        try IAMValidation.roleName(name)
        guard let role = try await store.role(accountId: accountId, name: name) else { throw Self.noSuchRole(name) }
        return role
    }

    /// Deletes the role; refused while it has inline or attached policies.
    func delete(accountId: String, name: String) async throws {
        try IAMValidation.roleName(name)
        let deleted = try await store.deleteRole(accountId: accountId, name: name) { role in
            if !role.policies.inline.isEmpty {
                throw PortlessError(aws: .deleteConflict, "Cannot delete entity, must delete policies first.", field: "RoleName")
            }
            if !role.policies.attached.isEmpty {
                throw PortlessError(aws: .deleteConflict, "Cannot delete entity, must detach all policies first.", field: "RoleName")
            }
        }
        guard deleted else { throw Self.noSuchRole(name) }
    }

    /// Tags and permissions boundary.
    var attributes: EntityAttributes<RoleRecord> {
        EntityAttributes(policies: policies, validateName: { try IAMValidation.roleName($0) }) { accountId, name, body in
            try await modify(accountId: accountId, name: name, body)
        }
    }


    private func modify(accountId: String, name: String, _ body: @escaping @Sendable (inout RoleRecord) throws -> Void) async throws {
        guard try await store.modifyRole(accountId: accountId, name: name, body) != nil else { throw Self.noSuchRole(name) }
    }

    func updateAssumeRolePolicy(accountId: String, name: String, document: String) async throws {
        try IAMValidation.roleName(name)
        try IAMValidation.policyDocument(document, field: "PolicyDocument", kind: .trust)
        let updated = try await store.modifyRole(accountId: accountId, name: name) { $0.assumeRolePolicyDocument = document }
        guard updated != nil else { throw Self.noSuchRole(name) }
    }

    /// Roles whose path starts with `pathPrefix`, by name, `maxItems` at a time from `marker`.
    func list(accountId: String, pathPrefix: String?, marker: String?, maxItems: String?) async throws -> Page {
        if let pathPrefix { try IAMValidation.pathPrefix(pathPrefix) }
        let roles = try await store.roles(accountId: accountId).filter { pathPrefix.map($0.path.hasPrefix) ?? true }
        let page = try IAMPaging.page(roles, key: { $0.roleName.lowercased() }, marker: marker, maxItems: maxItems)
        return Page(roles: page.items, marker: page.marker)
    }

    static func noSuchRole(_ name: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "The role with name \(name) cannot be found.", field: "RoleName")
    }
}
