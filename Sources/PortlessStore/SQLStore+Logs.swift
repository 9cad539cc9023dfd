import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: LogStore {
    public func insertLogGroup(_ group: LogGroupRecord) async throws {
        let body = try RecordCoding.encode(group)
        try await transaction { db in
            let existing = try await db.raw("""
                SELECT name FROM log_groups WHERE account_id = \(bind: group.accountId) AND name = \(bind: group.name)
                """).first()
            guard existing == nil else { throw PortlessError.Logs.groupExists }
            try await db.raw("""
                INSERT INTO log_groups (account_id, name, created_at, body)
                VALUES (\(bind: group.accountId), \(bind: group.name), \(bind: group.creationTime), \(bind: body))
                """).run()
        }
    }

    public func logGroup(accountId: String, name: String) async throws -> LogGroupRecord? {
        try await first(LogGroupRecord.self, "SELECT body FROM log_groups WHERE account_id = \(bind: accountId) AND name = \(bind: name)")
    }

    public func logGroups(accountId: String, prefix: String?) async throws -> [LogGroupRecord] {
        var sql: SQLQueryString = "SELECT body FROM log_groups WHERE account_id = \(bind: accountId)"
        if let prefix { sql += " AND substr(name, 1, \(literal: prefix.count)) = \(bind: prefix)" }
        return try await all(LogGroupRecord.self, sql + " ORDER BY name")
    }

    public func updateLogGroup(_ group: LogGroupRecord) async throws {
        try await execute("""
            UPDATE log_groups SET body = \(bind: try RecordCoding.encode(group))
            WHERE account_id = \(bind: group.accountId) AND name = \(bind: group.name)
            """)
    }

    public func deleteLogGroup(accountId: String, name: String) async throws {
        try await transaction { db in
            for table in ["log_events", "log_streams"] {
                try await db.raw("DELETE FROM \(unsafeRaw: table) WHERE account_id = \(bind: accountId) AND group_name = \(bind: name)").run()
            }
            try await db.raw("DELETE FROM log_groups WHERE account_id = \(bind: accountId) AND name = \(bind: name)").run()
        }
    }

    public func logGroupStoredBytes(accountId: String, names: [String]) async throws -> [String: Int64] {
        guard !names.isEmpty else { return [:] }
        return try await serialized { db in
            let rows = try await db.raw("""
                SELECT group_name, SUM(json_extract(body, '$.storedBytes')) AS bytes FROM log_streams
                WHERE account_id = \(bind: accountId) AND group_name IN (\(binds: names)) GROUP BY group_name
                """).all()
            var bytes: [String: Int64] = [:]
            for row in rows { bytes[try row.decode(column: "group_name", as: String.self)] = try row.decode(column: "bytes", as: Int64.self) }
            return bytes
        }
    }

    public func insertLogStream(accountId: String, _ stream: LogStreamRecord) async throws {
        try await transaction { db in
            try await Self.requireGroup(accountId: accountId, name: stream.groupName, on: db)
            guard try await Self.stream(accountId: accountId, groupName: stream.groupName, name: stream.name, on: db) == nil else {
                throw PortlessError.Logs.streamExists
            }
            try await Self.write(stream, accountId: accountId, on: db)
        }
    }

    public func logStream(accountId: String, groupName: String, name: String) async throws -> LogStreamRecord? {
        try await serialized { db in try await Self.stream(accountId: accountId, groupName: groupName, name: name, on: db) }
    }

    public func logStreams(accountId: String, groupName: String, prefix: String?) async throws -> [LogStreamRecord] {
        var sql: SQLQueryString = "SELECT body FROM log_streams WHERE account_id = \(bind: accountId) AND group_name = \(bind: groupName)"
        if let prefix { sql += " AND substr(name, 1, \(literal: prefix.count)) = \(bind: prefix)" }
        return try await all(LogStreamRecord.self, sql + " ORDER BY name")
    }

    public func deleteLogStream(accountId: String, groupName: String, name: String) async throws {
        try await transaction { db in
            for table in ["log_events", "log_streams"] {
                let column = table == "log_events" ? "stream_name" : "name"
                try await db.raw("""
                    DELETE FROM \(unsafeRaw: table) WHERE account_id = \(bind: accountId) AND group_name = \(bind: groupName)
                        AND \(unsafeRaw: column) = \(bind: name)
                    """).run()
            }
        }
    }

    public func appendLogEvents(accountId: String, groupName: String, streamName: String, events: [LogEvent], dataKeyId: String?,
                                ingestionTime: Int64, createStream: Bool) async throws -> LogStreamRecord {
        try await transaction { db in
            try await Self.requireGroup(accountId: accountId, name: groupName, on: db)
            var stream = try await Self.stream(accountId: accountId, groupName: groupName, name: streamName, on: db)
            if stream == nil && createStream { stream = LogStreamRecord(groupName: groupName, name: streamName, creationTime: ingestionTime) }
            guard var stream else { throw PortlessError.Logs.streamNotFound }
            for event in events {
                try await db.raw("""
                    INSERT INTO log_events (account_id, group_name, stream_name, event_time, ingestion_time, message, data_key)
                    VALUES (\(bind: accountId), \(bind: groupName), \(bind: streamName), \(bind: event.timestamp), \(bind: ingestionTime),
                            \(bind: event.message), \(bind: dataKeyId))
                    """).run()
            }
            stream.absorb(events, ingestionTime: ingestionTime)
            try await Self.write(stream, accountId: accountId, on: db)
            return stream
        }
    }

    public func logEvents(accountId: String, groupName: String, query: LogEventQuery) async throws -> [StoredLogEvent] {
        var sql: SQLQueryString = """
            SELECT sequence, stream_name, event_time, ingestion_time, message, data_key FROM log_events
            WHERE account_id = \(bind: accountId) AND group_name = \(bind: groupName)
            """
        if let streams = query.streams { sql += streams.isEmpty ? " AND 0" : " AND stream_name IN (\(binds: streams))" }
        if let start = query.start { sql += " AND event_time >= \(bind: start)" }
        if let end = query.end { sql += " AND event_time < \(bind: end)" }
        if let after = query.after {
            sql += " AND (event_time > \(bind: after.timestamp) OR (event_time = \(bind: after.timestamp) AND sequence > \(bind: after.sequence)))"
        }
        if let before = query.before {
            sql += " AND (event_time < \(bind: before.timestamp) OR (event_time = \(bind: before.timestamp) AND sequence < \(bind: before.sequence)))"
        }
        sql += query.backward ? " ORDER BY event_time DESC, sequence DESC" : " ORDER BY event_time, sequence"
        sql += " LIMIT \(literal: query.limit)"
        let statement = sql
        let events = try await serialized { db in
            try await db.raw(statement).all().map { row in
                StoredLogEvent(sequence: try row.decode(column: "sequence", as: Int64.self),
                               streamName: try row.decode(column: "stream_name", as: String.self),
                               timestamp: try row.decode(column: "event_time", as: Int64.self),
                               ingestionTime: try row.decode(column: "ingestion_time", as: Int64.self),
                               message: try row.decode(column: "message", as: String.self),
                               dataKeyId: try row.decode(column: "data_key", as: String?.self))
            }
        }
        return query.backward ? events.reversed() : events
    }

    public func expireLogEvents(now: Int64) async throws -> Int {
        let groups = try await all(LogGroupRecord.self, "SELECT body FROM log_groups WHERE json_extract(body, '$.retentionInDays') IS NOT NULL")
        var removed = 0
        for group in groups {
            guard let days = group.retentionInDays else { continue }
            let cutoff = now - Int64(days) * 86_400_000
            removed += try await transaction { db in
                let rows = try await db.raw("""
                    DELETE FROM log_events WHERE account_id = \(bind: group.accountId) AND group_name = \(bind: group.name)
                        AND event_time < \(bind: cutoff) RETURNING stream_name, length(CAST(message AS BLOB)) AS bytes
                    """).all()
                var freed: [String: (count: Int64, bytes: Int64)] = [:]
                for row in rows {
                    let name = try row.decode(column: "stream_name", as: String.self)
                    let bytes = try row.decode(column: "bytes", as: Int64.self)
                    freed[name, default: (0, 0)].count += 1
                    freed[name, default: (0, 0)].bytes += bytes
                }
                for (name, change) in freed {
                    guard var stream = try await Self.stream(accountId: group.accountId, groupName: group.name, name: name, on: db) else { continue }
                    stream.storedBytes -= change.bytes
                    try await Self.write(stream, accountId: group.accountId, on: db)
                }
                return rows.count
            }
        }
        return removed
    }

    private static func requireGroup(accountId: String, name: String, on db: any SQLDatabase) async throws {
        let row = try await db.raw("SELECT name FROM log_groups WHERE account_id = \(bind: accountId) AND name = \(bind: name)").first()
        guard row != nil else { throw PortlessError.Logs.groupNotFound }
    }

    private static func stream(accountId: String, groupName: String, name: String, on db: any SQLDatabase) async throws -> LogStreamRecord? {
        try await db.raw("""
            SELECT body FROM log_streams WHERE account_id = \(bind: accountId) AND group_name = \(bind: groupName) AND name = \(bind: name)
            """).first().map { try RecordCoding.decode(LogStreamRecord.self, row: $0) }
    }

    private static func write(_ stream: LogStreamRecord, accountId: String, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT OR REPLACE INTO log_streams (account_id, group_name, name, body)
            VALUES (\(bind: accountId), \(bind: stream.groupName), \(bind: stream.name), \(bind: try RecordCoding.encode(stream)))
            """).run()
    }
}
