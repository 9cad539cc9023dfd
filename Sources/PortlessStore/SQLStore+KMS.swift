import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: KMSStore {
    @discardableResult
    public func insertKMSKey(_ key: KMSKeyRecord, alias: KMSAliasRecord?) async throws -> Bool {
        let body = try RecordCoding.encode(key)
        return try await transaction { db in
            if let alias {
                guard try await db.raw("""
                    SELECT 1 AS found FROM kms_aliases WHERE account_id = \(bind: alias.accountId) AND name = \(bind: alias.aliasName)
                    """).first() == nil else { return false }
                try await Self.insertAlias(alias, db: db)
            }
            try await db.raw("""
                INSERT INTO kms_keys (key_id, account_id, created_at, body)
                VALUES (\(bind: key.keyId), \(bind: key.accountId), \(bind: key.creationDate.timeIntervalSince1970), \(bind: body))
                """).run()
            return true
        }
    }

    public func kmsKey(keyId: String) async throws -> KMSKeyRecord? {
        try await first(KMSKeyRecord.self, "SELECT body FROM kms_keys WHERE key_id = \(bind: keyId)")
    }

    public func kmsKeys(accountId: String) async throws -> [KMSKeyRecord] {
        try await all(KMSKeyRecord.self, "SELECT body FROM kms_keys WHERE account_id = \(bind: accountId) ORDER BY created_at, key_id")
    }

    public func modifyKMSKey(keyId: String, _ body: @Sendable (inout KMSKeyRecord) throws -> Void) async throws -> KMSKeyRecord? {
        try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM kms_keys WHERE key_id = \(bind: keyId)").first() else { return nil }
            var key = try RecordCoding.decode(KMSKeyRecord.self, row: row)
            try body(&key)
            try await db.raw("UPDATE kms_keys SET body = \(bind: try RecordCoding.encode(key)) WHERE key_id = \(bind: keyId)").run()
            return key
        }
    }

    public func deleteKMSKey(keyId: String) async throws {
        try await transaction { db in
            try await db.raw("DELETE FROM kms_aliases WHERE key_id = \(bind: keyId)").run()
            try await db.raw("DELETE FROM kms_keys WHERE key_id = \(bind: keyId)").run()
        }
    }

    public func insertKMSAlias(_ alias: KMSAliasRecord) async throws -> Bool {
        try await transaction { db in
            guard try await db.raw("""
                SELECT 1 AS found FROM kms_aliases WHERE account_id = \(bind: alias.accountId) AND name = \(bind: alias.aliasName)
                """).first() == nil else { return false }
            try await Self.insertAlias(alias, db: db)
            return true
        }
    }

    public func updateKMSAlias(_ alias: KMSAliasRecord) async throws {
        try await execute("""
            UPDATE kms_aliases SET key_id = \(bind: alias.targetKeyId), body = \(bind: try RecordCoding.encode(alias))
            WHERE account_id = \(bind: alias.accountId) AND name = \(bind: alias.aliasName)
            """)
    }

    public func kmsAlias(accountId: String, name: String) async throws -> KMSAliasRecord? {
        try await first(KMSAliasRecord.self, "SELECT body FROM kms_aliases WHERE account_id = \(bind: accountId) AND name = \(bind: name)")
    }

    public func kmsAliases(accountId: String) async throws -> [KMSAliasRecord] {
        try await all(KMSAliasRecord.self, "SELECT body FROM kms_aliases WHERE account_id = \(bind: accountId) ORDER BY name")
    }

    public func deleteKMSAlias(accountId: String, name: String) async throws {
        try await execute("DELETE FROM kms_aliases WHERE account_id = \(bind: accountId) AND name = \(bind: name)")
    }

    private static func insertAlias(_ alias: KMSAliasRecord, db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO kms_aliases (account_id, name, key_id, body)
            VALUES (\(bind: alias.accountId), \(bind: alias.aliasName), \(bind: alias.targetKeyId), \(bind: try RecordCoding.encode(alias)))
            """).run()
    }
}
