public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore {
    // MARK: Access keys (`user_key` is the lower-cased user name; NULL for the root's keys)

    public func insertAccessKey(_ key: AccessKeyRecord, forRoot: Bool, limit: Int) async throws -> AccessKeyRecord? {
        let body = try RecordCoding.encode(key)
        let userKey: String? = forRoot ? nil : key.userName.lowercased()
        return try await transaction { db in
            if let userKey {
                let user = try await db.raw("SELECT name_key FROM iam_users WHERE account_id = \(bind: key.accountId) AND name_key = \(bind: userKey)").first()
                guard user != nil else { return nil }
            }
            let existing = try await Self.count(db, "SELECT COUNT(*) AS n FROM access_keys WHERE account_id = \(bind: key.accountId) AND \(Self.owner(userKey))")
            guard existing < limit else {
                throw PortlessError(aws: .limitExceeded, "Cannot exceed quota for AccessKeysPerUser: \(limit)", field: "UserName")
            }
            try await db.raw("""
                INSERT INTO access_keys (id, account_id, user_key, body) VALUES (\(bind: key.accessKeyId), \(bind: key.accountId), \(bind: userKey), \(bind: body))
                """).run()
            return key
        }
    }

    public func accessKeys(accountId: String, userName: String?) async throws -> [AccessKeyRecord] {
        try await all(AccessKeyRecord.self, """
            SELECT body FROM access_keys WHERE account_id = \(bind: accountId) AND \(Self.owner(userName?.lowercased()))
            ORDER BY json_extract(body, '$.createdAt'), id
            """)
    }

    public func modifyAccessKey(accountId: String, userName: String?, id: String, _ body: @Sendable (inout AccessKeyRecord) throws -> Void) async throws -> AccessKeyRecord? {
        let owner = Self.owner(userName?.lowercased())
        return try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM access_keys WHERE id = \(bind: id) AND account_id = \(bind: accountId) AND \(owner)").first() else {
                return nil
            }
            var key = try RecordCoding.decode(AccessKeyRecord.self, row: row)
            try body(&key)
            try await db.raw("UPDATE access_keys SET body = \(bind: try RecordCoding.encode(key)) WHERE id = \(bind: id)").run()
            return key
        }
    }

    public func deleteAccessKey(accountId: String, userName: String?, id: String) async throws -> Bool {
        let owner = Self.owner(userName?.lowercased())
        return try await transaction { db in
            let existing = try await db.raw("SELECT id FROM access_keys WHERE id = \(bind: id) AND account_id = \(bind: accountId) AND \(owner)").first()
            guard existing != nil else { return false }
            try await db.raw("DELETE FROM access_keys WHERE id = \(bind: id)").run()
            return true
        }
    }

    public func recordAccessKeyUse(id: String, _ use: AccessKeyLastUse) async throws {
        let encoded = try RecordCoding.encode(use)
        try await execute("UPDATE access_keys SET body = json_set(body, '$.lastUsed', json(\(bind: encoded))) WHERE id = \(bind: id)")
    }

    /// The condition selecting the keys of `userKey`, or the root's when nil.
    static func owner(_ userKey: String?) -> SQLQueryString {
        if let userKey { return "user_key = \(bind: userKey)" }
        return "user_key IS NULL"
    }

    // MARK: Virtual MFA devices

    public func insertMFADevice(_ device: MFADeviceRecord) async throws {
        try await insert(device, accountId: device.accountId, into: .mfaDevices)
    }

    public func mfaDevice(accountId: String, serialNumber: String) async throws -> MFADeviceRecord? {
        try await record(in: .mfaDevices, accountId: accountId, name: serialNumber)
    }

    public func mfaDevices(accountId: String, userName: String?) async throws -> [MFADeviceRecord] {
        guard let userName else { return try await records(in: .mfaDevices, accountId: accountId) }
        return try await all(MFADeviceRecord.self, """
            SELECT body FROM iam_mfa_devices WHERE account_id = \(bind: accountId)
            AND lower(json_extract(body, '$.userName')) = \(bind: userName.lowercased()) ORDER BY name_key
            """)
    }

    public func modifyMFADevice(accountId: String, serialNumber: String, _ body: @Sendable (inout MFADeviceRecord) throws -> Void) async throws -> MFADeviceRecord? {
        try await modify(in: .mfaDevices, accountId: accountId, name: serialNumber, body)
    }

    public func deleteMFADevice(accountId: String, serialNumber: String, check: @Sendable (MFADeviceRecord) throws -> Void) async throws -> Bool {
        try await delete(in: .mfaDevices, accountId: accountId, name: serialNumber) { device, _ in try check(device) }
    }
}
