import Foundation
import PortlessCore
import SQLKit

/// One table of IAM records kept as JSON bodies beside `(account_id, name_key, path, created_at)`, where
/// `name_key` is the lower-cased name that makes names unique per account regardless of case.
struct IdentityTable<Record: Codable & Sendable & Equatable>: Sendable {
    let name: String
    /// Whether writes raise the IAM revision (entities and policies do; keys and MFA devices do not).
    let isPolicyRelevant: Bool
    let key: @Sendable (Record) -> String
    let path: @Sendable (Record) -> String
    let created: @Sendable (Record) -> Date
    let duplicate: @Sendable (Record) -> PortlessError
}

extension IdentityTable {
    static var users: IdentityTable<UserRecord> {
        .init(name: "iam_users", isPolicyRelevant: true, key: { $0.userName.lowercased() }, path: { $0.path }, created: { $0.createDate },
              duplicate: { PortlessError(aws: .entityAlreadyExists, "User with name \($0.userName) already exists.", field: "UserName") })
    }
    static var groups: IdentityTable<GroupRecord> {
        .init(name: "iam_groups", isPolicyRelevant: true, key: { $0.groupName.lowercased() }, path: { $0.path }, created: { $0.createDate },
              duplicate: { PortlessError(aws: .entityAlreadyExists, "Group with name \($0.groupName) already exists.", field: "GroupName") })
    }
    static var roles: IdentityTable<RoleRecord> {
        .init(name: "roles", isPolicyRelevant: true, key: { $0.roleName.lowercased() }, path: { $0.path }, created: { $0.createDate },
              duplicate: { PortlessError(aws: .entityAlreadyExists, "Role with name \($0.roleName) already exists.", field: "RoleName") })
    }
    static var policies: IdentityTable<ManagedPolicyRecord> {
        .init(name: "iam_policies", isPolicyRelevant: true, key: { $0.policyName.lowercased() }, path: { $0.path }, created: { $0.createDate },
              duplicate: { PortlessError(aws: .entityAlreadyExists, "A policy called \($0.policyName) already exists. Duplicate names are not allowed.", field: "PolicyName") })
    }
    static var mfaDevices: IdentityTable<MFADeviceRecord> {
        .init(name: "iam_mfa_devices", isPolicyRelevant: false, key: { $0.serialNumber.lowercased() }, path: { _ in "/" }, created: { $0.createDate },
              duplicate: { _ in PortlessError(aws: .entityAlreadyExists, "MFADevice entity at the same path and name already exists.", field: "VirtualMFADeviceName") })
    }
}

extension SQLStore {
    /// Raises the IAM revision; call inside every transaction that changes an entity or policy.
    static func bumpRevision(_ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE iam_revision SET revision = revision + 1 WHERE id = 1").run()
    }

    func insert<R>(_ record: R, accountId: String, into table: IdentityTable<R>) async throws {
        let body = try RecordCoding.encode(record)
        let key = table.key(record)
        try await transaction { db in
            let existing = try await db.raw("SELECT name_key FROM \(unsafeRaw: table.name) WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").first()
            guard existing == nil else { throw table.duplicate(record) }
            try await db.raw("""
                INSERT INTO \(unsafeRaw: table.name) (account_id, name_key, path, created_at, body)
                VALUES (\(bind: accountId), \(bind: key), \(bind: table.path(record)), \(bind: table.created(record).timeIntervalSince1970), \(bind: body))
                """).run()
            if table.isPolicyRelevant { try await Self.bumpRevision(db) }
        }
    }

    func record<R>(in table: IdentityTable<R>, accountId: String, name: String) async throws -> R? {
        try await first(R.self, "SELECT body FROM \(unsafeRaw: table.name) WHERE account_id = \(bind: accountId) AND name_key = \(bind: name.lowercased())")
    }

    func records<R>(in table: IdentityTable<R>, accountId: String) async throws -> [R] {
        try await all(R.self, "SELECT body FROM \(unsafeRaw: table.name) WHERE account_id = \(bind: accountId) ORDER BY name_key")
    }

    func modify<R>(in table: IdentityTable<R>, accountId: String, name: String, _ body: @Sendable (inout R) throws -> Void) async throws -> R? {
        let key = name.lowercased()
        return try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM \(unsafeRaw: table.name) WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").first() else {
                return nil
            }
            let original = try RecordCoding.decode(R.self, row: row)
            var record = original
            try body(&record)
            if record != original {
                try await Self.write(record, in: table, accountId: accountId, key: key, db)
            }
            return record
        }
    }

    static func write<R>(_ record: R, in table: IdentityTable<R>, accountId: String, key: String, _ db: any SQLDatabase) async throws {
        let encoded = try RecordCoding.encode(record)
        try await db.raw("""
            UPDATE \(unsafeRaw: table.name) SET path = \(bind: table.path(record)), body = \(bind: encoded)
            WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)
            """).run()
        if table.isPolicyRelevant { try await bumpRevision(db) }
    }

    /// Deletes the record once `check` (given the record and the open transaction) accepts it.
    func delete<R>(in table: IdentityTable<R>, accountId: String, name: String,
                   check: @Sendable (R, any SQLDatabase) async throws -> Void) async throws -> Bool {
        let key = name.lowercased()
        return try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM \(unsafeRaw: table.name) WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").first() else {
                return false
            }
            try await check(try RecordCoding.decode(R.self, row: row), db)
            try await db.raw("DELETE FROM \(unsafeRaw: table.name) WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").run()
            if table.isPolicyRelevant { try await Self.bumpRevision(db) }
            return true
        }
    }

    static func count(_ db: any SQLDatabase, _ query: SQLQueryString) async throws -> Int {
        try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
