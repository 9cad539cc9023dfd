public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore {
    // MARK: Users

    public func insertUser(_ user: UserRecord) async throws {
        try await insert(user, accountId: user.accountId, into: .users)
    }

    public func user(accountId: String, name: String) async throws -> UserRecord? {
        try await record(in: .users, accountId: accountId, name: name)
    }

    public func users(accountId: String) async throws -> [UserRecord] {
        try await records(in: .users, accountId: accountId)
    }

    public func users(accountId: String, inGroup groupName: String) async throws -> [UserRecord] {
        try await all(UserRecord.self, """
            SELECT body FROM iam_users t WHERE account_id = \(bind: accountId)
            AND EXISTS (SELECT 1 FROM json_each(t.body, '$.groups') WHERE lower(value) = \(bind: groupName.lowercased())) ORDER BY name_key
            """)
    }

    public func modifyUser(accountId: String, name: String, _ body: @Sendable (inout UserRecord) throws -> Void) async throws -> UserRecord? {
        try await modify(in: .users, accountId: accountId, name: name, body)
    }

    public func renameUser(accountId: String, name: String, newName: String?, newPath: String?) async throws -> UserRecord? {
        let key = name.lowercased()
        return try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM iam_users WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").first() else {
                return nil
            }
            var user = try RecordCoding.decode(UserRecord.self, row: row)
            let newKey = newName?.lowercased() ?? key
            if newKey != key {
                let taken = try await db.raw("SELECT name_key FROM iam_users WHERE account_id = \(bind: accountId) AND name_key = \(bind: newKey)").first()
                guard taken == nil else {
                    throw PortlessError(aws: .entityAlreadyExists, "User with name \(newName ?? name) already exists.", field: "NewUserName")
                }
            }
            if let newName { user.userName = newName }
            if let newPath { user.path = newPath }
            let body = try RecordCoding.encode(user)
            try await db.raw("""
                UPDATE iam_users SET name_key = \(bind: newKey), path = \(bind: user.path), body = \(bind: body)
                WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)
                """).run()
            for keyRow in try await db.raw("SELECT body FROM access_keys WHERE account_id = \(bind: accountId) AND user_key = \(bind: key)").all() {
                var accessKey = try RecordCoding.decode(AccessKeyRecord.self, row: keyRow)
                accessKey.userName = user.userName
                accessKey.userPath = user.path
                try await db.raw("""
                    UPDATE access_keys SET user_key = \(bind: newKey), body = \(bind: try RecordCoding.encode(accessKey)) WHERE id = \(bind: accessKey.accessKeyId)
                    """).run()
            }
            for deviceRow in try await db.raw("""
                SELECT body FROM iam_mfa_devices WHERE account_id = \(bind: accountId) AND lower(json_extract(body, '$.userName')) = \(bind: key)
                """).all() {
                var device = try RecordCoding.decode(MFADeviceRecord.self, row: deviceRow)
                device.userName = user.userName
                try await Self.write(device, in: .mfaDevices, accountId: accountId, key: device.serialNumber.lowercased(), db)
            }
            try await Self.bumpRevision(db)
            return user
        }
    }

    public func deleteUser(accountId: String, name: String, check: @Sendable (UserRecord, UserDependents) throws -> Void) async throws -> Bool {
        let key = name.lowercased()
        return try await delete(in: .users, accountId: accountId, name: name) { user, db in
            let keys = try await Self.count(db, "SELECT COUNT(*) AS n FROM access_keys WHERE account_id = \(bind: accountId) AND user_key = \(bind: key)")
            let devices = try await Self.count(db, """
                SELECT COUNT(*) AS n FROM iam_mfa_devices WHERE account_id = \(bind: accountId) AND lower(json_extract(body, '$.userName')) = \(bind: key)
                """)
            try check(user, UserDependents(accessKeys: keys, mfaDevices: devices))
        }
    }

    // MARK: Groups

    public func insertGroup(_ group: GroupRecord) async throws {
        try await insert(group, accountId: group.accountId, into: .groups)
    }

    public func group(accountId: String, name: String) async throws -> GroupRecord? {
        try await record(in: .groups, accountId: accountId, name: name)
    }

    public func groups(accountId: String) async throws -> [GroupRecord] {
        try await records(in: .groups, accountId: accountId)
    }

    public func groups(accountId: String, names: [String]) async throws -> [GroupRecord] {
        guard !names.isEmpty else { return [] }
        return try await all(GroupRecord.self, """
            SELECT body FROM iam_groups WHERE account_id = \(bind: accountId) AND name_key IN (\(binds: names.map { $0.lowercased() })) ORDER BY name_key
            """)
    }

    public func modifyGroup(accountId: String, name: String, _ body: @Sendable (inout GroupRecord) throws -> Void) async throws -> GroupRecord? {
        try await modify(in: .groups, accountId: accountId, name: name, body)
    }

    public func deleteGroup(accountId: String, name: String, check: @Sendable (GroupRecord, Int) throws -> Void) async throws -> Bool {
        let key = name.lowercased()
        return try await delete(in: .groups, accountId: accountId, name: name) { group, db in
            let members = try await Self.count(db, """
                SELECT COUNT(*) AS n FROM iam_users t WHERE account_id = \(bind: accountId)
                AND EXISTS (SELECT 1 FROM json_each(t.body, '$.groups') WHERE lower(value) = \(bind: key))
                """)
            try check(group, members)
        }
    }

    // MARK: Managed policies

    public func insertManagedPolicy(_ policy: ManagedPolicyRecord) async throws {
        try await insert(policy, accountId: policy.accountId, into: .policies)
    }

    public func managedPolicy(accountId: String, name: String) async throws -> ManagedPolicyRecord? {
        try await record(in: .policies, accountId: accountId, name: name)
    }

    public func managedPolicies(accountId: String) async throws -> [ManagedPolicyRecord] {
        try await records(in: .policies, accountId: accountId)
    }

    public func managedPolicies(accountId: String, names: [String]) async throws -> [ManagedPolicyRecord] {
        guard !names.isEmpty else { return [] }
        return try await all(ManagedPolicyRecord.self, """
            SELECT body FROM iam_policies WHERE account_id = \(bind: accountId) AND name_key IN (\(binds: names.map { $0.lowercased() })) ORDER BY name_key
            """)
    }

    public func modifyManagedPolicy(accountId: String, name: String, _ body: @Sendable (inout ManagedPolicyRecord) throws -> Void) async throws -> ManagedPolicyRecord? {
        try await modify(in: .policies, accountId: accountId, name: name, body)
    }

    public func deleteManagedPolicy(accountId: String, name: String, check: @Sendable (ManagedPolicyRecord, PolicyUsage) throws -> Void) async throws -> Bool {
        try await delete(in: .policies, accountId: accountId, name: name) { policy, db in
            let usage = try await Self.usage(db, accountId: accountId)[policy.arn] ?? PolicyUsage()
            try check(policy, usage)
        }
    }

    public func policyUsage(accountId: String) async throws -> [String: PolicyUsage] {
        try await serialized { db in try await Self.usage(db, accountId: accountId) }
    }

    static func usage(_ db: any SQLDatabase, accountId: String) async throws -> [String: PolicyUsage] {
        let rows = try await db.raw("""
            SELECT 'a' AS kind, j.value AS arn FROM iam_users t, json_each(t.body, '$.policies.attached') j WHERE t.account_id = \(bind: accountId)
            UNION ALL SELECT 'a', j.value FROM iam_groups t, json_each(t.body, '$.policies.attached') j WHERE t.account_id = \(bind: accountId)
            UNION ALL SELECT 'a', j.value FROM roles t, json_each(t.body, '$.policies.attached') j WHERE t.account_id = \(bind: accountId)
            UNION ALL SELECT 'b', json_extract(body, '$.permissionsBoundary') FROM iam_users
                WHERE account_id = \(bind: accountId) AND json_extract(body, '$.permissionsBoundary') IS NOT NULL
            UNION ALL SELECT 'b', json_extract(body, '$.permissionsBoundary') FROM roles
                WHERE account_id = \(bind: accountId) AND json_extract(body, '$.permissionsBoundary') IS NOT NULL
            """).all()
        var usage: [String: PolicyUsage] = [:]
        for row in rows {
            let arn = try row.decode(column: "arn", as: String.self)
            if try row.decode(column: "kind", as: String.self) == "a" {
                usage[arn, default: PolicyUsage()].attachments += 1
            } else {
                usage[arn, default: PolicyUsage()].boundaries += 1
            }
        }
        return usage
    }

    public func entities(accountId: String, usingPolicy arn: String) async throws -> PolicyEntities {
        func attached(_ table: String) -> SQLQueryString {
            """
            SELECT body FROM \(unsafeRaw: table) t WHERE account_id = \(bind: accountId)
            AND EXISTS (SELECT 1 FROM json_each(t.body, '$.policies.attached') WHERE value = \(bind: arn)) ORDER BY name_key
            """
        }
        func boundary(_ table: String) -> SQLQueryString {
            "SELECT body FROM \(unsafeRaw: table) WHERE account_id = \(bind: accountId) AND json_extract(body, '$.permissionsBoundary') = \(bind: arn) ORDER BY name_key"
        }
        var entities = PolicyEntities()
        entities.users = try await all(UserRecord.self, attached("iam_users"))
        entities.groups = try await all(GroupRecord.self, attached("iam_groups"))
        entities.roles = try await all(RoleRecord.self, attached("roles"))
        entities.boundaryUsers = try await all(UserRecord.self, boundary("iam_users"))
        entities.boundaryRoles = try await all(RoleRecord.self, boundary("roles"))
        return entities
    }
}
