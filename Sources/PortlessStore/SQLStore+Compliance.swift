import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: ComplianceStore {
    public func modifyCompliance(accountId: String, resourceId: String,
                                 _ body: @Sendable ([ResourceCompliance]) throws -> [ResourceCompliance]?) async throws {
        try await transaction { db in
            let current = try await db.raw("""
                SELECT body FROM compliance WHERE account_id = \(bind: accountId) AND resource_id = \(bind: resourceId) ORDER BY compliance_type
                """).all().map { try RecordCoding.decode(ResourceCompliance.self, row: $0) }
            guard let updated = try body(current) else { return }
            let kept = Set(updated.map(\.complianceType))
            for gone in current where !kept.contains(gone.complianceType) {
                try await db.raw("""
                    DELETE FROM compliance WHERE account_id = \(bind: accountId) AND resource_id = \(bind: resourceId)
                        AND compliance_type = \(bind: gone.complianceType.name)
                    """).run()
            }
            for record in updated where !current.contains(record) {
                let summary = record.summary
                try await db.raw("""
                    INSERT OR REPLACE INTO compliance (account_id, resource_id, compliance_type, status, overall_severity, summary, body)
                    VALUES (\(bind: accountId), \(bind: resourceId), \(bind: record.complianceType.name), \(bind: summary.status.rawValue),
                            \(bind: summary.overallSeverity.rawValue), \(bind: try RecordCoding.encode(summary)), \(bind: try RecordCoding.encode(record)))
                    """).run()
            }
        }
    }

    public func compliance(accountId: String, resourceIds: [String]?) async throws -> [ResourceCompliance] {
        guard let resourceIds else {
            return try await all(ResourceCompliance.self, """
                SELECT body FROM compliance WHERE account_id = \(bind: accountId) ORDER BY resource_id, compliance_type
                """)
        }
        guard !resourceIds.isEmpty else { return [] }
        return try await all(ResourceCompliance.self, """
            SELECT body FROM compliance WHERE account_id = \(bind: accountId) AND resource_id IN (\(binds: resourceIds))
            ORDER BY resource_id, compliance_type
            """)
    }

    public func complianceSummaries(accountId: String) async throws -> [ResourceComplianceSummary] {
        try await all(ResourceComplianceSummary.self, """
            SELECT summary AS body FROM compliance WHERE account_id = \(bind: accountId) ORDER BY resource_id, compliance_type
            """)
    }
}
