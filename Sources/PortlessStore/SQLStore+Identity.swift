public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: IdentityStore {
    public func insertRole(_ role: RoleRecord) async throws {
        let body = try RecordCoding.encode(role)
        let key = role.roleName.lowercased()
        try await transaction { db in
            let existing = try await db.raw("SELECT name_key FROM roles WHERE account_id = \(bind: role.accountId) AND name_key = \(bind: key)").first()
            guard existing == nil else {
                throw PortlessError(aws: .entityAlreadyExists, "Role with name \(role.roleName) already exists.", field: "RoleName")
            }
            try await db.raw("""
                INSERT INTO roles (account_id, name_key, path, created_at, body)
                VALUES (\(bind: role.accountId), \(bind: key), \(bind: role.path), \(bind: role.createDate.timeIntervalSince1970), \(bind: body))
                """).run()
        }
    }

    public func role(accountId: String, name: String) async throws -> RoleRecord? {
        try await first(RoleRecord.self, "SELECT body FROM roles WHERE account_id = \(bind: accountId) AND name_key = \(bind: name.lowercased())")
    }

    public func roles(accountId: String) async throws -> [RoleRecord] {
        try await all(RoleRecord.self, "SELECT body FROM roles WHERE account_id = \(bind: accountId) ORDER BY name_key")
    }

    public func modifyRole(accountId: String, name: String, _ body: @Sendable (inout RoleRecord) throws -> Void) async throws -> RoleRecord? {
        let key = name.lowercased()
        return try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM roles WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").first() else {
                return nil
            }
            let original = try RecordCoding.decode(RoleRecord.self, row: row)
            var role = original
            try body(&role)
            if role != original {
                let encoded = try RecordCoding.encode(role)
                try await db.raw("""
                    UPDATE roles SET path = \(bind: role.path), body = \(bind: encoded) WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)
                    """).run()
            }
            return role
        }
    }

    public func deleteRole(accountId: String, name: String) async throws -> Bool {
        let key = name.lowercased()
        return try await transaction { db in
            let existing = try await db.raw("SELECT name_key FROM roles WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").first()
            guard existing != nil else { return false }
            try await db.raw("DELETE FROM roles WHERE account_id = \(bind: accountId) AND name_key = \(bind: key)").run()
            return true
        }
    }

    public func insertSessionCredential(_ credential: SessionCredentialRecord, purgeBefore: Date) async throws {
        let body = try RecordCoding.encode(credential)
        try await transaction { db in
            try await db.raw("DELETE FROM session_credentials WHERE expires_at < \(bind: purgeBefore.timeIntervalSince1970)").run()
            try await db.raw("""
                INSERT INTO session_credentials (id, account_id, expires_at, body)
                VALUES (\(bind: credential.accessKeyId), \(bind: credential.accountId), \(bind: credential.expiration.timeIntervalSince1970), \(bind: body))
                """).run()
        }
    }

    public func sessionCredential(accessKeyId: String) async throws -> SessionCredentialRecord? {
        try await first(SessionCredentialRecord.self, "SELECT body FROM session_credentials WHERE id = \(bind: accessKeyId)")
    }
}
