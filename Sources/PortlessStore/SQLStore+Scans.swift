public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: ScanStore {
    public func insertBundle(_ bundle: BundleRecord) async throws {
        let body = try RecordCoding.encode(bundle)
        try await execute("""
            INSERT INTO scan_bundles (account_id, sha256, pushed_at, body)
            VALUES (\(bind: bundle.accountId), \(bind: bundle.sha256), \(bind: bundle.pushedAt.timeIntervalSince1970), \(bind: body))
            ON CONFLICT (account_id, sha256) DO NOTHING
            """)
    }

    public func bundle(accountId: String, sha256: String) async throws -> BundleRecord? {
        try await first(BundleRecord.self, "SELECT body FROM scan_bundles WHERE account_id = \(bind: accountId) AND sha256 = \(bind: sha256)")
    }

    public func bundles(accountId: String) async throws -> [BundleRecord] {
        try await all(BundleRecord.self, "SELECT body FROM scan_bundles WHERE account_id = \(bind: accountId) ORDER BY pushed_at DESC, sha256")
    }

    public func insertScan(_ scan: ScanRecord, nodes: [NodeScanOutcome]) async throws {
        let body = try RecordCoding.encode(scan)
        let targetsKey = try Self.targetsKey(scan)
        let rows = try nodes.map { ($0, try RecordCoding.encode(Self.withoutResults($0))) }
        try await transaction { db in
            try await db.raw("""
                INSERT INTO scans (id, account_id, requested_at, status, targets_key, body)
                VALUES (\(bind: scan.scanId), \(bind: scan.accountId), \(bind: scan.requestedAt.timeIntervalSince1970),
                        \(bind: scan.status.rawValue), \(bind: targetsKey), \(bind: body))
                """).run()
            for (node, nodeBody) in rows {
                try await db.raw("""
                    INSERT INTO scan_nodes (scan_id, node_id, account_id, state, body)
                    VALUES (\(bind: scan.scanId), \(bind: node.nodeId), \(bind: node.accountId), \(bind: node.state.rawValue), \(bind: nodeBody))
                    """).run()
            }
        }
    }

    public func scan(id: String) async throws -> ScanRecord? {
        try await first(ScanRecord.self, "SELECT body FROM scans WHERE id = \(bind: id)")
    }

    public func scans(accountId: String, offset: Int, limit: Int) async throws -> [ScanRecord] {
        try await all(ScanRecord.self, """
            SELECT body FROM scans WHERE account_id = \(bind: accountId)
            ORDER BY requested_at DESC, id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """)
    }

    public func openScans() async throws -> [ScanRecord] {
        try await all(ScanRecord.self, "SELECT body FROM scans WHERE status = \(bind: ScanStatus.inProgress.rawValue) ORDER BY requested_at")
    }

    public func linkScanCommand(commandId: String, scanId: String) async throws {
        try await execute("INSERT INTO scan_commands (command_id, scan_id) VALUES (\(bind: commandId), \(bind: scanId))")
    }

    public func scanId(commandId: String) async throws -> String? {
        try await serialized { db in
            try await db.raw("SELECT scan_id FROM scan_commands WHERE command_id = \(bind: commandId)").first()?
                .decode(column: "scan_id", as: String.self)
        }
    }

    public func earlierScans(of scan: ScanRecord, limit: Int) async throws -> [ScanRecord] {
        let key = try Self.targetsKey(scan)
        return try await all(ScanRecord.self, """
            SELECT body FROM scans WHERE account_id = \(bind: scan.accountId) AND targets_key = \(bind: key)
              AND requested_at < \(bind: scan.requestedAt.timeIntervalSince1970) AND status <> \(bind: ScanStatus.inProgress.rawValue)
            ORDER BY requested_at DESC LIMIT \(bind: limit)
            """)
    }

    public func lastScanned(nodeIds: [String]) async throws -> [String: Date] {
        guard !nodeIds.isEmpty else { return [:] }
        return try await serialized { db in
            var found: [String: Date] = [:]
            for start in stride(from: 0, to: nodeIds.count, by: 500) {
                let ids = SQLList(nodeIds[start..<min(start + 500, nodeIds.count)].map { SQLBind($0) })
                let rows = try await db.raw("""
                    SELECT node_id, MAX(json_extract(body, '$.scannedAt')) AS at FROM scan_nodes
                    WHERE state = \(bind: NodeScanState.scanned.rawValue) AND node_id IN (\(ids)) GROUP BY node_id
                    """).all()
                for row in rows {
                    if let at = try row.decode(column: "at", as: Double?.self) {
                        found[try row.decode(column: "node_id", as: String.self)] = Date(timeIntervalSince1970: at)
                    }
                }
            }
            return found
        }
    }

    public func modifyScan<T: Sendable>(id: String, _ body: @Sendable (inout ScanRecord) throws -> T) async throws -> (scan: ScanRecord, result: T)? {
        try await transaction { db in
            guard let row = try await db.raw("SELECT body FROM scans WHERE id = \(bind: id)").first() else { return nil }
            var scan = try RecordCoding.decode(ScanRecord.self, row: row)
            let result = try body(&scan)
            let encoded = try RecordCoding.encode(scan)
            try await db.raw("UPDATE scans SET status = \(bind: scan.status.rawValue), body = \(bind: encoded) WHERE id = \(bind: id)").run()
            return (scan, result)
        }
    }

    public func scanNode(scanId: String, nodeId: String) async throws -> NodeScanOutcome? {
        try await first(NodeScanOutcome.self, "SELECT body FROM scan_nodes WHERE scan_id = \(bind: scanId) AND node_id = \(bind: nodeId)")
    }

    public func scanNodes(scanId: String) async throws -> [NodeScanOutcome] {
        try await serialized { db in
            var nodes = try await db.raw("SELECT body FROM scan_nodes WHERE scan_id = \(bind: scanId) ORDER BY account_id, node_id").all()
                .map { try RecordCoding.decode(NodeScanOutcome.self, row: $0) }
            let rows = try await db.raw("SELECT node_id, body FROM scan_check_results WHERE scan_id = \(bind: scanId) ORDER BY node_id, check_id").all()
            var results: [String: [CheckResult]] = [:]
            for row in rows {
                results[try row.decode(column: "node_id", as: String.self), default: []].append(try RecordCoding.decode(CheckResult.self, row: row))
            }
            for index in nodes.indices { nodes[index].results = results[nodes[index].nodeId] ?? [] }
            return nodes
        }
    }

    public func settleScanNode(scanId: String, outcome: NodeScanOutcome) async throws -> Bool {
        let body = try RecordCoding.encode(Self.withoutResults(outcome))
        let results = try outcome.results.map { ($0, try RecordCoding.encode($0)) }
        return try await transaction { db in
            guard let row = try await db.raw("""
                SELECT state FROM scan_nodes WHERE scan_id = \(bind: scanId) AND node_id = \(bind: outcome.nodeId)
                """).first(), try row.decode(column: "state", as: String.self) == NodeScanState.pending.rawValue else { return false }
            try await db.raw("""
                UPDATE scan_nodes SET state = \(bind: outcome.state.rawValue), body = \(bind: body)
                WHERE scan_id = \(bind: scanId) AND node_id = \(bind: outcome.nodeId)
                """).run()
            // One multi-row INSERT per 200 results.
            for start in stride(from: 0, to: results.count, by: 200) {
                let chunk = results[start..<min(start + 200, results.count)]
                let rows: [SQLQueryString] = chunk.map { result, encoded in
                    "(\(bind: scanId), \(bind: outcome.nodeId), \(bind: result.id), \(bind: result.status.rawValue), \(bind: encoded))"
                }
                try await db.raw("INSERT INTO scan_check_results (scan_id, node_id, check_id, status, body) VALUES \(rows.joined(separator: ", "))").run()
            }
            return true
        }
    }

    public func scanNodeCounts(scanId: String) async throws -> [NodeScanState: Int] {
        try await serialized { db in
            var counts: [NodeScanState: Int] = [:]
            for row in try await db.raw("SELECT state, COUNT(*) AS n FROM scan_nodes WHERE scan_id = \(bind: scanId) GROUP BY state").all() {
                if let state = NodeScanState(rawValue: try row.decode(column: "state", as: String.self)) {
                    counts[state] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }

    /// What makes two scans "of the same targets": the targets and the accounts reached.
    private static func targetsKey(_ scan: ScanRecord) throws -> String {
        let accounts = scan.accounts.map { "\($0.accountId):\($0.roleName ?? "")" }.sorted()
        return try RecordCoding.encode(["targets": scan.targets.map { "\($0.key)=\($0.values.sorted().joined(separator: ","))" }.sorted(),
                                        "accounts": accounts])
    }

    private static func withoutResults(_ outcome: NodeScanOutcome) -> NodeScanOutcome {
        var copy = outcome
        copy.results = []
        return copy
    }
}
