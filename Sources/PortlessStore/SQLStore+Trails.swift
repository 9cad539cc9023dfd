import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: TrailStore {
    public func insertTrail(_ trail: TrailRecord, region: String) async throws {
        try await transaction { db in
            let names = try await db.raw("SELECT name FROM trails WHERE account_id = \(bind: trail.accountId)").all()
                .map { try $0.decode(column: "name", as: String.self) }
            if names.contains(trail.name) { throw PortlessError.CloudTrail.trailExists(trail.name, account: trail.accountId) }
            guard names.count < TrailRecord.maximumPerRegion else {
                throw PortlessError.CloudTrail.tooManyTrails(account: trail.accountId, region: region)
            }
            try await db.raw("""
                INSERT INTO trails (account_id, name, is_logging, body)
                VALUES (\(bind: trail.accountId), \(bind: trail.name), \(bind: trail.isLogging ? 1 : 0), \(bind: try RecordCoding.encode(trail)))
                """).run()
        }
    }

    public func trail(accountId: String, name: String) async throws -> TrailRecord? {
        try await all(TrailRecord.self, "SELECT body FROM trails WHERE account_id = \(bind: accountId) AND name = \(bind: name)").first
    }

    public func trails(accountId: String?) async throws -> [TrailRecord] {
        guard let accountId else { return try await all(TrailRecord.self, "SELECT body FROM trails ORDER BY account_id, name") }
        return try await all(TrailRecord.self, "SELECT body FROM trails WHERE account_id = \(bind: accountId) ORDER BY name")
    }

    @discardableResult
    public func updateTrail(_ trail: TrailRecord) async throws -> Bool {
        try await transaction { db in
            let found = try await db.raw("""
                SELECT name FROM trails WHERE account_id = \(bind: trail.accountId) AND name = \(bind: trail.name)
                """).all()
            guard !found.isEmpty else { return false }
            try await db.raw("""
                UPDATE trails SET is_logging = \(bind: trail.isLogging ? 1 : 0), body = \(bind: try RecordCoding.encode(trail))
                WHERE account_id = \(bind: trail.accountId) AND name = \(bind: trail.name)
                """).run()
            return true
        }
    }

    @discardableResult
    public func deleteTrail(accountId: String, name: String) async throws -> Bool {
        try await transaction { db in
            let found = try await db.raw("SELECT name FROM trails WHERE account_id = \(bind: accountId) AND name = \(bind: name)").all()
            guard !found.isEmpty else { return false }
            try await db.raw("DELETE FROM trails WHERE account_id = \(bind: accountId) AND name = \(bind: name)").run()
            return true
        }
    }
}
