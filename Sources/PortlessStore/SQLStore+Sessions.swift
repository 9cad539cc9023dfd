import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: SessionStore {
    public func insertSession(_ session: SessionRecord) async throws {
        try await execute("""
            INSERT INTO sessions (session_id, account_id, target, owner, status, active, start_date, body)
            VALUES (\(bind: session.sessionId), \(bind: session.accountId), \(bind: session.target), \(bind: session.owner),
                    \(bind: session.status.rawValue), \(bind: session.status.isActive ? 1 : 0), \(bind: session.startDate.timeIntervalSince1970),
                    \(bind: try RecordCoding.encode(session)))
            """)
    }

    public func session(id: String) async throws -> SessionRecord? {
        try await first(SessionRecord.self, "SELECT body FROM sessions WHERE session_id = \(bind: id)")
    }

    @discardableResult
    public func updateSession(_ session: SessionRecord) async throws -> Bool {
        try await transaction { db in
            guard try await !db.raw("SELECT session_id FROM sessions WHERE session_id = \(bind: session.sessionId)").all().isEmpty else {
                return false
            }
            try await db.raw("""
                UPDATE sessions SET status = \(bind: session.status.rawValue), active = \(bind: session.status.isActive ? 1 : 0),
                    body = \(bind: try RecordCoding.encode(session))
                WHERE session_id = \(bind: session.sessionId)
                """).run()
            return true
        }
    }

    public func sessions(accountId: String, matching query: SessionQuery) async throws -> [SessionRecord] {
        let rows = try await all(SessionRecord.self, """
            SELECT body FROM sessions WHERE account_id = \(bind: accountId) AND active = \(bind: query.active ? 1 : 0)
            ORDER BY start_date DESC, session_id
            """)
        return rows.filter { session in
            (query.target.map { $0 == session.target } ?? true)
                && (query.owner.map { $0 == session.owner } ?? true)
                && (query.status.map { $0 == session.status } ?? true)
                && (query.sessionId.map { $0 == session.sessionId } ?? true)
                && (query.startedAfter.map { session.startDate >= $0 } ?? true)
                && (query.startedBefore.map { session.startDate <= $0 } ?? true)
        }
    }

    public func activeSessions() async throws -> [SessionRecord] {
        try await all(SessionRecord.self, "SELECT body FROM sessions WHERE active = 1")
    }
}
