import Foundation
import PortlessCore

/// IAM roles of an account: create, read, list, delete, and replace the trust policy.
struct RoleService: Sendable {
    static let defaultMaxItems = 100

    let store: any IdentityStore

    /// What `CreateRole` asks for.
    struct CreateInput: Sendable {
        var roleName: String
        var assumeRolePolicyDocument: String
        var path: String?
        var description: String?
        var maxSessionDuration: String?
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
        try IAMValidation.policyDocument(input.assumeRolePolicyDocument, field: "AssumeRolePolicyDocument")
        let role = RoleRecord(accountId: accountId, roleName: input.roleName, roleId: Identifiers.roleID(), path: path,
                              assumeRolePolicyDocument: input.assumeRolePolicyDocument, description: input.description,
                              maxSessionDuration: maxSession, createDate: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down)),
                              tags: input.tags)
        try await store.insertRole(role)
        return role
    }

    func get(accountId: String, name: String) async throws -> RoleRecord {
        try IAMValidation.roleName(name)
        guard let role = try await store.role(accountId: accountId, name: name) else { throw Self.noSuchRole(name) }
        return role
    }

    func delete(accountId: String, name: String) async throws {
        try IAMValidation.roleName(name)
        guard try await store.deleteRole(accountId: accountId, name: name) else { throw Self.noSuchRole(name) }
    }

    func updateAssumeRolePolicy(accountId: String, name: String, document: String) async throws {
        try IAMValidation.roleName(name)
        try IAMValidation.policyDocument(document, field: "PolicyDocument")
        let updated = try await store.modifyRole(accountId: accountId, name: name) { $0.assumeRolePolicyDocument = document }
        guard updated != nil else { throw Self.noSuchRole(name) }
    }

    /// Roles whose path starts with `pathPrefix`, by name, `maxItems` at a time from `marker`.
    func list(accountId: String, pathPrefix: String?, marker: String?, maxItems: String?) async throws -> Page {
        if let pathPrefix { try IAMValidation.pathPrefix(pathPrefix) }
        let limit = try maxItems.map { try IAMValidation.integer($0, field: "MaxItems", in: 1...1000) } ?? Self.defaultMaxItems
        var start: String?
        if let marker {
            guard let data = Data(base64Encoded: marker), let key = String(data: data, encoding: .utf8), !key.isEmpty else {
                throw PortlessError(.validationError, "Invalid Marker: pass the Marker of the previous page unchanged.", field: "Marker")
            }
            start = key
        }
        let matching = try await store.roles(accountId: accountId).filter { role in
            (pathPrefix.map { role.path.hasPrefix($0) } ?? true) && (start.map { role.roleName.lowercased() >= $0 } ?? true)
        }
        let page = Array(matching.prefix(limit))
        let next = matching.count > limit ? Data(matching[limit].roleName.lowercased().utf8).base64EncodedString() : nil
        return Page(roles: page, marker: next)
    }

    static func noSuchRole(_ name: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "The role with name \(name) cannot be found.", field: "RoleName")
    }
}
