import Foundation
import PortlessCore

/// IAM users: create, read, list, rename or move, delete (once nothing hangs on them), tags and
/// permissions boundary.
struct UserService: Sendable {
    let store: any IdentityStore
    let policies: ManagedPolicyService

    /// What `CreateUser` asks for.
    struct CreateInput: Sendable {
        var userName: String
        var path: String?
        var permissionsBoundary: String?
        var tags: [Tag]
    }

    func create(accountId: String, input: CreateInput, now: Date = Date()) async throws -> UserRecord {
        try IAMValidation.userName(input.userName)
        let path = input.path ?? "/"
        try IAMValidation.path(path)
        try IAMValidation.tags(input.tags)
        if let boundary = input.permissionsBoundary { try await policies.requireBoundary(accountId: accountId, arn: boundary) }
        let user = UserRecord(accountId: accountId, userName: input.userName, userId: Identifiers.userID(), path: path,
                              createDate: now.wholeSecond, permissionsBoundary: input.permissionsBoundary, tags: input.tags)
        try await store.insertUser(user)
        return user
    }

    func get(accountId: String, name: String) async throws -> UserRecord {
        try IAMValidation.existingUserName(name)
        guard let user = try await store.user(accountId: accountId, name: name) else { throw IAMEntity.noSuchUser(name) }
        return user
    }

    /// The user a request without `UserName` is about: the caller, which must be a user (or root: nil).
    static func callerName(_ principal: Principal) throws -> String? {
        guard principal.assumedRole == nil else {
            throw PortlessError(aws: .validationError, "Must specify userName when calling with non-User credentials", field: "UserName")
        }
        return principal.isRoot ? nil : principal.userName
    }

    func list(accountId: String, pathPrefix: String?, marker: String?, maxItems: String?) async throws -> (users: [UserRecord], marker: String?) {
        if let pathPrefix { try IAMValidation.pathPrefix(pathPrefix) }
        let users = try await store.users(accountId: accountId).filter { pathPrefix.map($0.path.hasPrefix) ?? true }
        let page = try IAMPaging.page(users, key: { $0.userName.lowercased() }, marker: marker, maxItems: maxItems)
        return (page.items, page.marker)
    }

    func update(accountId: String, name: String, newName: String?, newPath: String?) async throws {
        try IAMValidation.existingUserName(name)
        if let newName { try IAMValidation.userName(newName, field: "NewUserName") }
        if let newPath { try IAMValidation.path(newPath, field: "NewPath") }
        guard try await store.renameUser(accountId: accountId, name: name, newName: newName, newPath: newPath) != nil else {
            throw IAMEntity.noSuchUser(name)
        }
    }

    /// Deletes the user; refused (`DeleteConflict`, IAM's texts) while it has a password, keys, MFA devices,
    /// groups or policies.
    func delete(accountId: String, name: String) async throws {
        try IAMValidation.existingUserName(name)
        let deleted = try await store.deleteUser(accountId: accountId, name: name) { user, dependents in
            let conflict: String? =
                if user.loginProfile != nil { "must delete login profile first" }
                else if dependents.accessKeys > 0 { "must delete access keys first" }
                else if dependents.mfaDevices > 0 { "must delete MFA device first" }
                else if !user.groups.isEmpty { "must remove users from group first" }
                else if !user.policies.inline.isEmpty { "must delete policies first" }
                else if !user.policies.attached.isEmpty { "must detach all policies first" }
                else { nil }
            if let conflict { throw PortlessError(aws: .deleteConflict, "Cannot delete entity, \(conflict).", field: "UserName") }
        }
        guard deleted else { throw IAMEntity.noSuchUser(name) }
    }

    /// Tags and permissions boundary.
    var attributes: EntityAttributes<UserRecord> {
        EntityAttributes(policies: policies, validateName: { try IAMValidation.existingUserName($0) }) { accountId, name, body in
            _ = try await modify(accountId: accountId, name: name, body)
        }
    }


    @discardableResult
    func modify(accountId: String, name: String, _ body: @escaping @Sendable (inout UserRecord) throws -> Void) async throws -> UserRecord {
        guard let user = try await store.modifyUser(accountId: accountId, name: name, body) else { throw IAMEntity.noSuchUser(name) }
        return user
    }
}
