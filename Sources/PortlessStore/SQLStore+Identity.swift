public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: IdentityStore {
    public func iamRevision() async throws -> Int64 {
        try await serialized { db in
            try await db.raw("SELECT revision FROM iam_revision WHERE id = 1").first()?.decode(column: "revision", as: Int64.self) ?? 0
        }
    }

    public func accountCreationDate(accountId: String) async throws -> Date? {
        try await serialized { db in
            try await db.raw("SELECT created_at FROM accounts WHERE id = \(bind: accountId)").first()
                .map { Date(timeIntervalSince1970: try $0.decode(column: "created_at", as: Double.self)) }
        }
    }

    // MARK: Roles

    public func insertRole(_ role: RoleRecord) async throws {
        try await insert(role, accountId: role.accountId, into: .roles)
    }

    public func role(accountId: String, name: String) async throws -> RoleRecord? {
        try await record(in: .roles, accountId: accountId, name: name)
    }

    public func roles(accountId: String) async throws -> [RoleRecord] {
        try await records(in: .roles, accountId: accountId)
    }

    public func modifyRole(accountId: String, name: String, _ body: @Sendable (inout RoleRecord) throws -> Void) async throws -> RoleRecord? {
        try await modify(in: .roles, accountId: accountId, name: name, body)
    }

    public func deleteRole(accountId: String, name: String, check: @Sendable (RoleRecord) throws -> Void) async throws -> Bool {
        try await delete(in: .roles, accountId: accountId, name: name) { role, _ in try check(role) }
    }

    // MARK: STS credentials

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
