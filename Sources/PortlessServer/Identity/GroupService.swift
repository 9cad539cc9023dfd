import Foundation
import PortlessCore

/// IAM groups and their members.
struct GroupService: Sendable {
    /// A user is in at most this many groups.
    static let groupsPerUser = 10

    let store: any IdentityStore

    func create(accountId: String, name: String, path: String?, now: Date = Date()) async throws -> GroupRecord {
        try IAMValidation.groupName(name)
        let path = path ?? "/"
        try IAMValidation.path(path)
        let group = GroupRecord(accountId: accountId, groupName: name, groupId: Identifiers.groupID(), path: path, createDate: now.wholeSecond)
        try await store.insertGroup(group)
        return group
    }

    /// The group and a page of its members.
    func get(accountId: String, name: String, marker: String?, maxItems: String?) async throws -> (GroupRecord, users: [UserRecord], marker: String?) {
        let group = try await group(accountId: accountId, name: name)
        let members = try await store.users(accountId: accountId, inGroup: group.groupName)
        let page = try IAMPaging.page(members, key: { $0.userName.lowercased() }, marker: marker, maxItems: maxItems)
        return (group, page.items, page.marker)
    }

    func group(accountId: String, name: String) async throws -> GroupRecord {
        try IAMValidation.groupName(name)
        guard let group = try await store.group(accountId: accountId, name: name) else { throw IAMEntity.group(name).notFound }
        return group
    }

    func list(accountId: String, pathPrefix: String?, marker: String?, maxItems: String?) async throws -> (groups: [GroupRecord], marker: String?) {
        if let pathPrefix { try IAMValidation.pathPrefix(pathPrefix) }
        let groups = try await store.groups(accountId: accountId).filter { pathPrefix.map($0.path.hasPrefix) ?? true }
        let page = try IAMPaging.page(groups, key: { $0.groupName.lowercased() }, marker: marker, maxItems: maxItems)
        return (page.items, page.marker)
    }

    /// Deletes the group; refused while it has members or policies.
    func delete(accountId: String, name: String) async throws {
        try IAMValidation.groupName(name)
        let deleted = try await store.deleteGroup(accountId: accountId, name: name) { group, members in
            let conflict: String? =
                if members > 0 { "must remove users from group first" }
                else if !group.policies.inline.isEmpty { "must delete policies first" }
                else if !group.policies.attached.isEmpty { "must detach all policies first" }
                else { nil }
            if let conflict { throw PortlessError(aws: .deleteConflict, "Cannot delete entity, \(conflict).", field: "GroupName") }
        }
        guard deleted else { throw IAMEntity.group(name).notFound }
    }

    func addUser(accountId: String, groupName: String, userName: String) async throws {
        try IAMValidation.existingUserName(userName)
        let group = try await group(accountId: accountId, name: groupName)
        let quota = PortlessError(aws: .limitExceeded, "Cannot exceed quota for GroupsPerUser: \(Self.groupsPerUser)", field: "GroupName")
        let updated = try await store.modifyUser(accountId: accountId, name: userName) { user in
            guard !user.groups.contains(where: { $0.lowercased() == group.groupName.lowercased() }) else { return }
            guard user.groups.count < Self.groupsPerUser else { throw quota }
            user.groups.append(group.groupName)
        }
        guard updated != nil else { throw IAMEntity.noSuchUser(userName) }
    }

    func removeUser(accountId: String, groupName: String, userName: String) async throws {
        try IAMValidation.existingUserName(userName)
        let group = try await group(accountId: accountId, name: groupName)
        let notMember = IAMEntity.noSuchUser(userName)
        let updated = try await store.modifyUser(accountId: accountId, name: userName) { user in
            guard let index = user.groups.firstIndex(where: { $0.lowercased() == group.groupName.lowercased() }) else { throw notMember }
            user.groups.remove(at: index)
        }
        guard updated != nil else { throw IAMEntity.noSuchUser(userName) }
    }

    func groups(accountId: String, forUser userName: String, marker: String?, maxItems: String?) async throws -> (groups: [GroupRecord], marker: String?) {
        try IAMValidation.existingUserName(userName)
        guard let user = try await store.user(accountId: accountId, name: userName) else { throw IAMEntity.noSuchUser(userName) }
        let groups = try await store.groups(accountId: accountId).filter { group in
            user.groups.contains { $0.lowercased() == group.groupName.lowercased() }
        }
        let page = try IAMPaging.page(groups, key: { $0.groupName.lowercased() }, marker: marker, maxItems: maxItems)
        return (page.items, page.marker)
    }
}
