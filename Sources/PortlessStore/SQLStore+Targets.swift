public import PortlessCore
import SQLKit

extension SQLStore {
    /// One query through indexes: each condition is an `IN` on the node's primary key, its list
    /// read from the `tags_by_value` index (or given); with no condition, the `nodes_by_account`
    /// index. Only the chosen nodes' rows are read.
    public func targetNodes(accountId: String, meeting conditions: [TargetCondition]) async throws -> [TargetedNode] {
        // With conditions, `+account_id` keeps SQLite from walking the whole account through
        // nodes_by_account and probing the lists (its choice without statistics): the lists drive.
        let account: SQLQueryString = conditions.isEmpty ? "account_id = \(bind: accountId)" : "+account_id = \(bind: accountId)"
        var sql: SQLQueryString = "SELECT id, body ->> '$.info.hostname' AS hostname FROM nodes WHERE \(account)"
        for condition in conditions {
            switch condition {
            case .instanceIds(let ids):
                sql += " AND id IN (\(binds: ids))"
            case .tag(let key, let values):
                sql += """
                     AND id IN (SELECT resource_id FROM tags WHERE resource_type = 'ManagedInstance'
                                AND tag_key = \(bind: key) AND tag_value IN (\(binds: values)))
                    """
            case .tagKey(let keys):
                sql += " AND id IN (SELECT resource_id FROM tags WHERE resource_type = 'ManagedInstance' AND tag_key IN (\(binds: keys)))"
            }
        }
        sql += " ORDER BY registered_at, id"
        let query = sql
        return try await serialized { db in
            try await db.raw(query).all().map {
                TargetedNode(instanceId: try $0.decode(column: "id", as: String.self), hostname: try $0.decode(column: "hostname", as: String.self))
            }
        }
    }
}
