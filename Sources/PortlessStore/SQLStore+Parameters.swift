import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: ParameterStore {
    public func parameter(accountId: String, name: String) async throws -> ParameterRecord? {
        try await first(ParameterRecord.self, "SELECT body FROM parameters WHERE account_id = \(bind: accountId) AND name = \(bind: name)")
    }

    public func parameterVersions(accountId: String, name: String) async throws -> [ParameterRecord] {
        try await all(ParameterRecord.self, """
            SELECT body FROM parameter_versions WHERE account_id = \(bind: accountId) AND name = \(bind: name) ORDER BY version
            """)
    }

    public func parameters(accountId: String, prefix: String?) async throws -> [ParameterRecord] {
        guard let prefix else {
            return try await all(ParameterRecord.self, "SELECT body FROM parameters WHERE account_id = \(bind: accountId) ORDER BY name")
        }
        return try await all(ParameterRecord.self, """
            SELECT body FROM parameters WHERE account_id = \(bind: accountId) AND substr(name, 1, \(bind: prefix.count)) = \(bind: prefix)
            ORDER BY name
            """)
    }

    public func modifyParameter<T: Sendable>(accountId: String, name: String,
                                             _ body: @Sendable ([ParameterRecord]) throws -> (versions: [ParameterRecord]?, result: T)) async throws -> T {
        try await transaction { db in
            let current = try await db.raw("""
                SELECT body FROM parameter_versions WHERE account_id = \(bind: accountId) AND name = \(bind: name) ORDER BY version
                """).all().map { try RecordCoding.decode(ParameterRecord.self, row: $0) }
            let (versions, result) = try body(current)
            guard let updated = versions else { return result }
            let kept = Set(updated.map(\.version))
            for gone in current where !kept.contains(gone.version) {
                try await db.raw("""
                    DELETE FROM parameter_versions WHERE account_id = \(bind: accountId) AND name = \(bind: name) AND version = \(bind: gone.version)
                    """).run()
            }
            for record in updated where !current.contains(record) {
                try await db.raw("""
                    INSERT OR REPLACE INTO parameter_versions (account_id, name, version, body)
                    VALUES (\(bind: accountId), \(bind: name), \(bind: record.version), \(bind: try RecordCoding.encode(record)))
                    """).run()
            }
            guard let latest = updated.max(by: { $0.version < $1.version }) else {
                try await db.raw("DELETE FROM parameters WHERE account_id = \(bind: accountId) AND name = \(bind: name)").run()
                try await db.raw("""
                    DELETE FROM tags WHERE resource_type = \(bind: ParameterTagKey.resourceType) AND resource_id = \(bind: ParameterTagKey.resourceId(accountId: accountId, name: name))
                    """).run()
                return result
            }
            try await db.raw("""
                INSERT OR REPLACE INTO parameters (account_id, name, body) VALUES (\(bind: accountId), \(bind: name), \(bind: try RecordCoding.encode(latest)))
                """).run()
            return result
        }
    }
}
