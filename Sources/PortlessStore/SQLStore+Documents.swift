import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: DocumentStore {
    public func insertDocument(_ document: DocumentRecord, version: DocumentVersionRecord, tags: [Tag]) async throws {
        let body = try RecordCoding.encode(document)
        let versionBody = try RecordCoding.encode(version)
        let tagId = DocumentTagKey.resourceId(accountId: document.accountId, name: document.name)
        try await transaction { db in
            let existing = try await db.raw("""
                SELECT name FROM documents WHERE account_id = \(bind: document.accountId) AND name = \(bind: document.name)
                """).first()
            guard existing == nil else {
                throw PortlessError.documentExists()
            }
            try await db.raw("""
                INSERT INTO documents (account_id, name, created_at, body)
                VALUES (\(bind: document.accountId), \(bind: document.name), \(bind: document.createdDate.timeIntervalSince1970), \(bind: body))
                """).run()
            try await Self.insert(version, body: versionBody, on: db)
            // Leftovers of an earlier document of the same name must not leak into this one.
            try await db.raw("DELETE FROM document_shares WHERE account_id = \(bind: document.accountId) AND name = \(bind: document.name)").run()
            try await db.raw("DELETE FROM tags WHERE resource_type = \(bind: DocumentTagKey.resourceType) AND resource_id = \(bind: tagId)").run()
            for tag in tags {
                try await db.raw("""
                    INSERT OR REPLACE INTO tags (resource_type, resource_id, tag_key, tag_value)
                    VALUES (\(bind: DocumentTagKey.resourceType), \(bind: tagId), \(bind: tag.key), \(bind: tag.value))
                    """).run()
            }
        }
    }

    public func document(accountId: String, name: String) async throws -> DocumentRecord? {
        try await first(DocumentRecord.self, "SELECT body FROM documents WHERE account_id = \(bind: accountId) AND name = \(bind: name)")
    }

    public func documentVersions(accountId: String, name: String) async throws -> [DocumentVersionRecord] {
        try await all(DocumentVersionRecord.self, """
            SELECT body FROM document_versions WHERE account_id = \(bind: accountId) AND name = \(bind: name) ORDER BY version
            """)
    }

    public func documentVersion(accountId: String, name: String, version: Int) async throws -> DocumentVersionRecord? {
        try await first(DocumentVersionRecord.self, """
            SELECT body FROM document_versions WHERE account_id = \(bind: accountId) AND name = \(bind: name) AND version = \(bind: version)
            """)
    }

    public func addDocumentVersion(accountId: String, name: String,
                                   _ make: @Sendable (DocumentRecord, [DocumentVersionRecord]) throws -> DocumentVersionRecord) async throws
        -> (DocumentRecord, DocumentVersionRecord)? {
        try await transaction { db in
            guard let (document, versions) = try await Self.load(accountId: accountId, name: name, on: db) else { return nil }
            let version = try make(document, versions)
            var updated = document
            updated.latestVersion = version.version
            try await Self.insert(version, body: try RecordCoding.encode(version), on: db)
            try await Self.write(updated, on: db)
            return (updated, version)
        }
    }

    public func modifyDocument(accountId: String, name: String,
                               _ body: @Sendable (inout DocumentRecord, [DocumentVersionRecord]) throws -> Void) async throws -> DocumentRecord? {
        try await transaction { db in
            guard let (document, versions) = try await Self.load(accountId: accountId, name: name, on: db) else { return nil }
            var updated = document
            try body(&updated, versions)
            if updated != document { try await Self.write(updated, on: db) }
            return updated
        }
    }

    public func deleteDocument(accountId: String, name: String) async throws {
        let tagId = DocumentTagKey.resourceId(accountId: accountId, name: name)
        try await transaction { db in
            try await db.raw("DELETE FROM documents WHERE account_id = \(bind: accountId) AND name = \(bind: name)").run()
            try await db.raw("DELETE FROM document_versions WHERE account_id = \(bind: accountId) AND name = \(bind: name)").run()
            try await db.raw("DELETE FROM document_shares WHERE account_id = \(bind: accountId) AND name = \(bind: name)").run()
            try await db.raw("DELETE FROM tags WHERE resource_type = \(bind: DocumentTagKey.resourceType) AND resource_id = \(bind: tagId)").run()
        }
    }

    public func documents(visibleTo accountId: String, includeShared: Bool) async throws -> [DocumentRecord] {
        if !includeShared {
            return try await all(DocumentRecord.self, "SELECT body FROM documents WHERE account_id = \(bind: accountId) ORDER BY name, account_id")
        }
        return try await all(DocumentRecord.self, """
            SELECT d.body AS body FROM documents d
            WHERE d.account_id = \(bind: accountId)
               OR EXISTS (SELECT 1 FROM document_shares s WHERE s.account_id = d.account_id AND s.name = d.name
                          AND s.shared_with IN (\(bind: accountId), 'All'))
            ORDER BY d.name, d.account_id
            """)
    }

    public func documentShares(accountId: String, name: String) async throws -> [DocumentShare] {
        try await all(DocumentShare.self, """
            SELECT body FROM document_shares WHERE account_id = \(bind: accountId) AND name = \(bind: name) ORDER BY shared_with
            """)
    }

    public func modifyDocumentShares(accountId: String, name: String, add: [DocumentShare], remove: [String]) async throws {
        let bodies = try add.map { ($0.accountId, try RecordCoding.encode($0)) }
        try await transaction { db in
            for (sharedWith, body) in bodies {
                try await db.raw("""
                    INSERT OR REPLACE INTO document_shares (account_id, name, shared_with, body)
                    VALUES (\(bind: accountId), \(bind: name), \(bind: sharedWith), \(bind: body))
                    """).run()
            }
            for sharedWith in remove {
                try await db.raw("""
                    DELETE FROM document_shares WHERE account_id = \(bind: accountId) AND name = \(bind: name) AND shared_with = \(bind: sharedWith)
                    """).run()
            }
        }
    }

    private static func load(accountId: String, name: String, on db: any SQLDatabase) async throws
        -> (DocumentRecord, [DocumentVersionRecord])? {
        guard let row = try await db.raw("SELECT body FROM documents WHERE account_id = \(bind: accountId) AND name = \(bind: name)").first() else {
            return nil
        }
        let document = try RecordCoding.decode(DocumentRecord.self, row: row)
        let versions = try await db.raw("""
            SELECT body FROM document_versions WHERE account_id = \(bind: accountId) AND name = \(bind: name) ORDER BY version
            """).all().map { try RecordCoding.decode(DocumentVersionRecord.self, row: $0) }
        return (document, versions)
    }

    private static func insert(_ version: DocumentVersionRecord, body: String, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO document_versions (account_id, name, version, version_name, created_at, body)
            VALUES (\(bind: version.accountId), \(bind: version.name), \(bind: version.version), \(bind: version.versionName),
                    \(bind: version.createdDate.timeIntervalSince1970), \(bind: body))
            """).run()
    }

    private static func write(_ document: DocumentRecord, on db: any SQLDatabase) async throws {
        let body = try RecordCoding.encode(document)
        try await db.raw("UPDATE documents SET body = \(bind: body) WHERE account_id = \(bind: document.accountId) AND name = \(bind: document.name)").run()
    }
}
