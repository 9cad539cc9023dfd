public import Foundation
public import Logging
public import PortlessCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The `Store` on SQLKit. Opens an SQLite file in WAL mode, runs the migrations, and serializes
/// every operation so that each is atomic on the one connection.
public final class SQLStore: Store {
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let gate = AsyncSerialGate()
    private let commandCache = CommandCache(capacity: 256)

    private init(connection: SQLiteConnection) {
        self.connection = connection
        self.database = connection.sql()
    }

    /// Opens (creating if needed) the SQLite database at `path` and brings its schema up to date.
    public static func openSQLite(path: String, logger: Logger) async throws -> SQLStore {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let store = SQLStore(connection: connection)
        do {
            try await store.database.raw("PRAGMA journal_mode=WAL").run()
            try await store.database.raw("PRAGMA synchronous=NORMAL").run()
            try await store.database.raw("PRAGMA busy_timeout=5000").run()
            try await Migrations.run(on: store.database)
            return store
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Closes the connection; the store must not be used afterwards.
    public func close() async throws {
        try await connection.close()
    }

    func serialized<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let database = self.database
        return try await gate.run { try await body(database) }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await serialized { db in
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                // In a task of its own: a caller cancelled mid-transaction (a client that went away) must still leave
                // the single connection outside any transaction.
                try? await Task { try await db.raw("ROLLBACK").run() }.value
                throw error
            }
        }
    }

    func all<T: Decodable & Sendable>(_ type: T.Type, _ query: SQLQueryString) async throws -> [T] {
        try await serialized { db in
            try await db.raw(query).all().map { try RecordCoding.decode(type, row: $0) }
        }
    }

    func first<T: Decodable & Sendable>(_ type: T.Type, _ query: SQLQueryString) async throws -> T? {
        try await all(type, query).first
    }

    func execute(_ query: SQLQueryString) async throws {
        try await serialized { db in try await db.raw(query).run() }
    }

    // MARK: Accounts and keys

    public func rootAccountId() async throws -> String? {
        try await serialized { db in
            try await db.raw("SELECT id FROM accounts WHERE is_root = 1").first()?.decode(column: "id", as: String.self)
        }
    }

    public func createRootAccount(accountId: String, key: AccessKeyRecord) async throws {
        let body = try RecordCoding.encode(key)
        try await transaction { db in
            try await db.raw("INSERT INTO accounts (id, is_root, created_at) VALUES (\(bind: accountId), 1, \(bind: key.createdAt.timeIntervalSince1970))").run()
            try await db.raw("INSERT INTO access_keys (id, account_id, body) VALUES (\(bind: key.accessKeyId), \(bind: accountId), \(bind: body))").run()
        }
    }

    public func accessKey(id: String) async throws -> AccessKeyRecord? {
        try await first(AccessKeyRecord.self, "SELECT body FROM access_keys WHERE id = \(bind: id)")
    }

    // MARK: Activations

    public func insertActivation(_ activation: ActivationRecord) async throws {
        let body = try RecordCoding.encode(activation)
        try await execute("""
            INSERT INTO activations (id, account_id, created_at, body)
            VALUES (\(bind: activation.activationId), \(bind: activation.accountId), \(bind: activation.createdDate.timeIntervalSince1970), \(bind: body))
            """)
    }

    public func activation(id: String) async throws -> ActivationRecord? {
        try await first(ActivationRecord.self, "SELECT body FROM activations WHERE id = \(bind: id)")
    }

    public func activations(accountId: String) async throws -> [ActivationRecord] {
        try await all(ActivationRecord.self, "SELECT body FROM activations WHERE account_id = \(bind: accountId) ORDER BY created_at, id")
    }

    public func deleteActivation(id: String) async throws {
        try await execute("DELETE FROM activations WHERE id = \(bind: id)")
    }

    public func registerNode(_ node: NodeRecord, activationId: String,
                             admit: @Sendable (ActivationRecord) throws -> Void) async throws {
        let nodeBody = try RecordCoding.encode(node)
        try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM activations WHERE id = \(bind: activationId)").first() else {
                throw PortlessError(.invalidActivation, "Activation \(activationId) does not exist.", field: "activationId")
            }
            var activation = try RecordCoding.decode(ActivationRecord.self, row: row)
            try admit(activation)
            activation.registrationsCount += 1
            let activationBody = try RecordCoding.encode(activation)
            try await db.raw("UPDATE activations SET body = \(bind: activationBody) WHERE id = \(bind: activationId)").run()
            try await db.raw("""
                INSERT INTO nodes (id, account_id, registered_at, body)
                VALUES (\(bind: node.instanceId), \(bind: node.accountId), \(bind: node.registrationDate.timeIntervalSince1970), \(bind: nodeBody))
                """).run()
            for tag in activation.tags {
                try await db.raw("""
                    INSERT OR REPLACE INTO tags (resource_type, resource_id, tag_key, tag_value)
                    VALUES ('ManagedInstance', \(bind: node.instanceId), \(bind: tag.key), \(bind: tag.value))
                    """).run()
            }
        }
    }

    // MARK: Nodes

    public func node(id: String) async throws -> NodeRecord? {
        try await first(NodeRecord.self, "SELECT body FROM nodes WHERE id = \(bind: id)")
    }

    public func nodeExists(publicKey: Data) async throws -> Bool {
        let encoded = publicKey.base64EncodedString()
        return try await serialized { db in
            try await db.raw("SELECT 1 AS found FROM nodes WHERE json_extract(body, '$.publicKey') = \(bind: encoded) LIMIT 1").first() != nil
        }
    }

    public func nodes(accountId: String) async throws -> [NodeRecord] {
        try await all(NodeRecord.self, "SELECT body FROM nodes WHERE account_id = \(bind: accountId) ORDER BY registered_at, id")
    }

    public func updateNode(_ node: NodeRecord) async throws {
        let body = try RecordCoding.encode(node)
        try await execute("UPDATE nodes SET body = \(bind: body) WHERE id = \(bind: node.instanceId)")
    }

    public func markAllNodesOffline() async throws {
        try await transaction { db in
            let rows = try await db.raw("SELECT body FROM nodes").all()
            for row in rows {
                var node = try RecordCoding.decode(NodeRecord.self, row: row)
                guard node.online else { continue }
                node.online = false
                let body = try RecordCoding.encode(node)
                try await db.raw("UPDATE nodes SET body = \(bind: body) WHERE id = \(bind: node.instanceId)").run()
            }
        }
    }

    // MARK: Tags

    public func tags(resourceType: String, resourceId: String) async throws -> [Tag] {
        try await serialized { db in
            try await db.raw("""
                SELECT tag_key, tag_value FROM tags WHERE resource_type = \(bind: resourceType) AND resource_id = \(bind: resourceId)
                ORDER BY tag_key
                """).all().map {
                Tag(key: try $0.decode(column: "tag_key", as: String.self), value: try $0.decode(column: "tag_value", as: String.self))
            }
        }
    }

    public func addTags(_ tags: [Tag], resourceType: String, resourceId: String) async throws {
        try await transaction { db in
            for tag in tags {
                try await db.raw("""
                    INSERT OR REPLACE INTO tags (resource_type, resource_id, tag_key, tag_value)
                    VALUES (\(bind: resourceType), \(bind: resourceId), \(bind: tag.key), \(bind: tag.value))
                    """).run()
            }
        }
    }

    public func removeTags(keys: [String], resourceType: String, resourceId: String) async throws {
        try await transaction { db in
            for key in keys {
                try await db.raw("""
                    DELETE FROM tags WHERE resource_type = \(bind: resourceType) AND resource_id = \(bind: resourceId) AND tag_key = \(bind: key)
                    """).run()
            }
        }
    }

    public func allTags(resourceType: String) async throws -> [String: [Tag]] {
        try await serialized { db in
            var result: [String: [Tag]] = [:]
            for row in try await db.raw("SELECT resource_id, tag_key, tag_value FROM tags WHERE resource_type = \(bind: resourceType) ORDER BY tag_key").all() {
                let tag = Tag(key: try row.decode(column: "tag_key", as: String.self), value: try row.decode(column: "tag_value", as: String.self))
                result[try row.decode(column: "resource_id", as: String.self), default: []].append(tag)
            }
            return result
        }
    }

    // MARK: Commands

    public func insertCommand(_ command: CommandRecord, invocations: [InvocationRecord]) async throws {
        let body = try RecordCoding.encode(command)
        let bodies = try invocations.map { ($0, try RecordCoding.encode($0)) }
        let deadline = command.deliveryDeadline.timeIntervalSince1970
        try await transaction { db in
            try await db.raw("""
                INSERT INTO commands (id, account_id, requested_at, status, document_name, body)
                VALUES (\(bind: command.commandId), \(bind: command.accountId), \(bind: command.requestedDateTime.timeIntervalSince1970),
                        \(bind: command.status.rawValue), \(bind: command.documentName), \(bind: body))
                """).run()
            // One multi-row INSERT per 500 invocations (a statement per row cost a thread hop each).
            for start in stride(from: 0, to: bodies.count, by: 500) {
                let rows: [SQLQueryString] = bodies[start..<min(start + 500, bodies.count)].map { invocation, invocationBody in
                    """
                    (\(bind: invocation.commandId), \(bind: invocation.instanceId), \(bind: command.accountId),
                     \(bind: invocation.requestedDateTime.timeIntervalSince1970), \(bind: deadline),
                     \(bind: invocation.status.rawValue), \(bind: command.documentName), \(bind: invocationBody))
                    """
                }
                try await db.raw("""
                    INSERT INTO invocations (command_id, instance_id, account_id, requested_at, delivery_deadline, status, document_name, body)
                    VALUES \(rows.joined(separator: ", "))
                    """).run()
            }
        }
        commandCache.insert(command)
    }

    public func command(id: String) async throws -> CommandRecord? {
        try await first(CommandRecord.self, "SELECT body FROM commands WHERE id = \(bind: id)")
    }

    public func modifyCommand<T: Sendable>(id: String,
                                           _ body: @Sendable (inout CommandRecord, inout [InvocationRecord]) throws -> T) async throws
        -> (command: CommandRecord, invocations: [InvocationRecord], result: T)? {
        try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM commands WHERE id = \(bind: id)").first() else { return nil }
            var command = try RecordCoding.decode(CommandRecord.self, row: row)
            let original = try await db.raw("SELECT body FROM invocations WHERE command_id = \(bind: id) ORDER BY instance_id").all()
                .map { try RecordCoding.decode(InvocationRecord.self, row: $0) }
            var invocations = original
            let result = try body(&command, &invocations)
            try await Self.write(command, on: db)
            self.commandCache.remove(id)
            try await Self.write(zip(original, invocations).filter { $0 != $1 }.map(\.1), on: db)
            return (command, invocations, result)
        }
    }

    public func modifyInvocations<T: Sendable>(_ keys: [InvocationKey],
                                               _ body: @Sendable (Int, inout InvocationRecord, inout CommandRecord) throws -> T) async throws
        -> [(invocation: InvocationRecord, command: CommandRecord, result: T)?] {
        try await transaction { db in
            let invocations = try await Self.fetchInvocations(keys, on: db)
            var commands = try await self.currentCommands(Set(keys.map(\.commandId)), on: db)
            let original = commands.mapValues(CommandCounters.init)
            var results: [(invocation: InvocationRecord, command: CommandRecord, result: T)?] = []
            var changed: [InvocationKey: InvocationRecord] = [:]
            for (index, key) in keys.enumerated() {
                guard var invocation = changed[key] ?? invocations[key], var command = commands[key.commandId] else {
                    results.append(nil)
                    continue
                }
                let before = invocation
                let result = try body(index, &invocation, &command)
                commands[key.commandId] = command
                if invocation != before { changed[key] = invocation }
                results.append((invocation, command, result))
            }
            try await Self.write(Array(changed.values), on: db)
            for (id, command) in commands where CommandCounters(command) != original[id] {
                try await CommandCounters(command).write(commandId: id, on: db)
            }
            return results
        }
    }

    /// The commands named, each as cached (decoded once) with its counters as stored now.
    private func currentCommands(_ ids: Set<String>, on db: any SQLDatabase) async throws -> [String: CommandRecord] {
        var commands: [String: CommandRecord] = [:]
        for row in try await db.raw("SELECT id, \(CommandCounters.columns) FROM commands WHERE id IN (\(binds: Array(ids)))").all() {
            let id = try row.decode(column: "id", as: String.self)
            var command: CommandRecord
            if let cached = commandCache.record(id) {
                command = cached
            } else {
                guard let bodyRow = try await db.raw("SELECT body FROM commands WHERE id = \(bind: id)").first() else { continue }
                command = try RecordCoding.decode(CommandRecord.self, row: bodyRow)
                commandCache.insert(command)
            }
            try CommandCounters(row: row).apply(to: &command)
            commands[id] = command
        }
        return commands
    }

    /// The invocations named by `keys`, read with one statement per command.
    private static func fetchInvocations(_ keys: [InvocationKey], on db: any SQLDatabase) async throws -> [InvocationKey: InvocationRecord] {
        var found: [InvocationKey: InvocationRecord] = [:]
        for (commandId, group) in Dictionary(grouping: keys, by: \.commandId) {
            let ids = Array(Set(group.map(\.instanceId)))
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                for row in try await db.raw("""
                    SELECT body FROM invocations WHERE command_id = \(bind: commandId) AND instance_id IN (\(binds: chunk))
                    """).all() {
                    let invocation = try RecordCoding.decode(InvocationRecord.self, row: row)
                    found[InvocationKey(commandId: invocation.commandId, instanceId: invocation.instanceId)] = invocation
                }
            }
        }
        return found
    }

    /// Writes many invocations with one `UPDATE … FROM (VALUES …)` per 500.
    private static func write(_ invocations: [InvocationRecord], on db: any SQLDatabase) async throws {
        for start in stride(from: 0, to: invocations.count, by: 500) {
            let chunk = invocations[start..<min(start + 500, invocations.count)]
            var values: [SQLQueryString] = []
            for invocation in chunk {
                let body = try RecordCoding.encode(invocation)
                values.append("(\(bind: invocation.commandId), \(bind: invocation.instanceId), \(bind: invocation.status.rawValue), \(bind: body))")
            }
            try await db.raw("""
                UPDATE invocations SET status = changed.column3, body = changed.column4
                FROM (VALUES \(values.joined(separator: ", "))) AS changed
                WHERE invocations.command_id = changed.column1 AND invocations.instance_id = changed.column2
                """).run()
        }
    }

    public func markDispatched(commandId: String, instanceIds: [String], at date: Date) async throws {
        guard !instanceIds.isEmpty else { return }
        let seconds = date.timeIntervalSince1970
        try await transaction { db in
            for chunk in stride(from: 0, to: instanceIds.count, by: 500).map({ Array(instanceIds[$0..<min($0 + 500, instanceIds.count)]) }) {
                try await db.raw("""
                    UPDATE invocations SET body = json_set(body, '$.dispatchedAt', \(bind: seconds))
                    WHERE command_id = \(bind: commandId) AND instance_id IN (\(binds: chunk))
                    """).run()
            }
        }
    }

    public func openCommands() async throws -> [CommandRecord] {
        try await all(CommandRecord.self, """
            SELECT body FROM commands WHERE status IN ('Pending', 'InProgress', 'Cancelling') ORDER BY requested_at
            """)
    }

    private static func write(_ command: CommandRecord, on db: any SQLDatabase) async throws {
        let body = try RecordCoding.encode(command)
        try await db.raw("UPDATE commands SET status = \(bind: command.status.rawValue), body = \(bind: body) WHERE id = \(bind: command.commandId)").run()
    }

    public func commands(accountId: String, query: CommandQuery, offset: Int, limit: Int) async throws -> [CommandRecord] {
        var sql: SQLQueryString = "SELECT body FROM commands WHERE account_id = \(bind: accountId)"
        if let commandId = query.commandId { sql += " AND id = \(bind: commandId)" }
        if let instanceId = query.instanceId {
            sql += " AND id IN (SELECT command_id FROM invocations WHERE instance_id = \(bind: instanceId))"
        }
        sql += Self.sharedFilters(query)
        sql += " ORDER BY requested_at DESC, id LIMIT \(literal: limit) OFFSET \(literal: offset)"
        return try await all(CommandRecord.self, sql)
    }

    /// The filters commands and invocations share: status, StatusDetails, stage, document, time.
    private static func sharedFilters(_ query: CommandQuery) -> SQLQueryString {
        var sql: SQLQueryString = ""
        if let status = query.status { sql += " AND status = \(bind: status)" }
        if let details = query.statusDetails { sql += " AND json_extract(body, '$.statusDetails') = \(bind: details)" }
        if let executing = query.executing {
            sql += executing ? " AND status IN ('Pending', 'InProgress', 'Delayed', 'Cancelling')"
                             : " AND status NOT IN ('Pending', 'InProgress', 'Delayed', 'Cancelling')"
        }
        if let name = query.documentName { sql += " AND document_name = \(bind: name)" }
        if let after = query.invokedAfter { sql += " AND requested_at >= \(bind: after.timeIntervalSince1970)" }
        if let before = query.invokedBefore { sql += " AND requested_at <= \(bind: before.timeIntervalSince1970)" }
        return sql
    }

    public func invocation(commandId: String, instanceId: String) async throws -> InvocationRecord? {
        try await first(InvocationRecord.self, "SELECT body FROM invocations WHERE command_id = \(bind: commandId) AND instance_id = \(bind: instanceId)")
    }

    public func invocations(commandId: String) async throws -> [InvocationRecord] {
        try await all(InvocationRecord.self, "SELECT body FROM invocations WHERE command_id = \(bind: commandId) ORDER BY instance_id")
    }

    public func invocations(accountId: String, query: CommandQuery, offset: Int, limit: Int) async throws -> [InvocationRecord] {
        var sql: SQLQueryString = "SELECT body FROM invocations WHERE account_id = \(bind: accountId)"
        if let commandId = query.commandId { sql += " AND command_id = \(bind: commandId)" }
        if let instanceId = query.instanceId { sql += " AND instance_id = \(bind: instanceId)" }
        sql += Self.sharedFilters(query)
        sql += " ORDER BY requested_at DESC, command_id, instance_id LIMIT \(literal: limit) OFFSET \(literal: offset)"
        return try await all(InvocationRecord.self, sql)
    }

    public func openInvocations(instanceId: String) async throws -> [InvocationRecord] {
        let open = InvocationStatus.allCases.filter { !$0.isTerminal }.map(\.rawValue)
        return try await all(InvocationRecord.self, """
            SELECT body FROM invocations WHERE instance_id = \(bind: instanceId) AND status IN (\(binds: open))
            ORDER BY requested_at, command_id
            """)
    }

    public func overdueInvocations(now: Date) async throws -> [InvocationRecord] {
        try await all(InvocationRecord.self, """
            SELECT body FROM invocations WHERE status = 'Pending' AND delivery_deadline < \(bind: now.timeIntervalSince1970)
            ORDER BY requested_at
            """)
    }
}
