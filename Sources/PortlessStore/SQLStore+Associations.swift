public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: AssociationStore {
    public func insertAssociation(_ association: AssociationRecord) async throws {
        let body = try RecordCoding.encode(association)
        try await transaction { db in
            try await db.raw("""
                INSERT INTO associations (id, account_id, created_at, next_run_at, body)
                VALUES (\(bind: association.associationId), \(bind: association.accountId),
                        \(bind: association.createdDate.timeIntervalSince1970), \(bind: association.nextRunAt?.timeIntervalSince1970),
                        \(bind: body))
                """).run()
            try await Self.insertVersion(association, body: body, on: db)
        }
    }

    public func association(id: String) async throws -> AssociationRecord? {
        try await first(AssociationRecord.self, "SELECT body FROM associations WHERE id = \(bind: id)")
    }

    public func associations(accountId: String) async throws -> [AssociationRecord] {
        try await all(AssociationRecord.self, "SELECT body FROM associations WHERE account_id = \(bind: accountId) ORDER BY created_at, id")
    }

    public func modifyAssociation<T: Sendable>(id: String, _ body: @Sendable (inout AssociationRecord) throws -> T) async throws
        -> (association: AssociationRecord, result: T)? {
        try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM associations WHERE id = \(bind: id)").first() else { return nil }
            let current = try RecordCoding.decode(AssociationRecord.self, row: row)
            var updated = current
            let result = try body(&updated)
            if updated != current {
                let encoded = try RecordCoding.encode(updated)
                try await db.raw("""
                    UPDATE associations SET body = \(bind: encoded), next_run_at = \(bind: updated.nextRunAt?.timeIntervalSince1970)
                    WHERE id = \(bind: id)
                    """).run()
                if updated.associationVersion != current.associationVersion {
                    try await Self.insertVersion(updated, body: encoded, on: db)
                }
            }
            return (updated, result)
        }
    }

    public func deleteAssociation(id: String) async throws {
        try await transaction { db in
            try await db.raw("DELETE FROM associations WHERE id = \(bind: id)").run()
            try await db.raw("DELETE FROM association_versions WHERE association_id = \(bind: id)").run()
            try await db.raw("DELETE FROM association_executions WHERE association_id = \(bind: id)").run()
        }
    }

    public func associationVersions(id: String) async throws -> [AssociationRecord] {
        try await all(AssociationRecord.self, "SELECT body FROM association_versions WHERE association_id = \(bind: id) ORDER BY version")
    }

    public func dueAssociations(now: Date) async throws -> [AssociationRecord] {
        try await all(AssociationRecord.self, """
            SELECT body FROM associations WHERE next_run_at IS NOT NULL AND next_run_at <= \(bind: now.timeIntervalSince1970)
            ORDER BY next_run_at, id
            """)
    }

    public func insertAssociationExecution(_ execution: AssociationExecutionRecord) async throws {
        let body = try RecordCoding.encode(execution)
        try await execute("""
            INSERT INTO association_executions (id, association_id, created_at, output_source_id, body)
            VALUES (\(bind: execution.executionId), \(bind: execution.associationId), \(bind: execution.createdTime.timeIntervalSince1970),
                    \(bind: execution.outputSourceId), \(bind: body))
            """)
    }

    public func modifyAssociationExecution(id: String, _ body: @Sendable (inout AssociationExecutionRecord) throws -> Void) async throws
        -> AssociationExecutionRecord? {
        try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM association_executions WHERE id = \(bind: id)").first() else { return nil }
            let current = try RecordCoding.decode(AssociationExecutionRecord.self, row: row)
            var updated = current
            try body(&updated)
            if updated != current {
                try await db.raw("""
                    UPDATE association_executions SET body = \(bind: try RecordCoding.encode(updated)), output_source_id = \(bind: updated.outputSourceId)
                    WHERE id = \(bind: id)
                    """).run()
            }
            return updated
        }
    }

    public func associationExecution(id: String) async throws -> AssociationExecutionRecord? {
        try await first(AssociationExecutionRecord.self, "SELECT body FROM association_executions WHERE id = \(bind: id)")
    }

    public func associationExecution(outputSourceId: String) async throws -> AssociationExecutionRecord? {
        try await first(AssociationExecutionRecord.self, "SELECT body FROM association_executions WHERE output_source_id = \(bind: outputSourceId)")
    }

    public func associationExecutions(associationId: String) async throws -> [AssociationExecutionRecord] {
        try await all(AssociationExecutionRecord.self, """
            SELECT body FROM association_executions WHERE association_id = \(bind: associationId) ORDER BY created_at DESC, id
            """)
    }

    private static func insertVersion(_ association: AssociationRecord, body: String, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO association_versions (association_id, version, created_at, body)
            VALUES (\(bind: association.associationId), \(bind: association.associationVersion),
                    \(bind: association.lastUpdateAssociationDate.timeIntervalSince1970), \(bind: body))
            """).run()
    }
}
