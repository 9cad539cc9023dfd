public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: EventRuleStore {
    public func putEventRule(_ rule: EventRuleRecord) async throws {
        try await execute("""
            INSERT INTO event_rules (account_id, name, state, created_at, body)
            VALUES (\(bind: rule.accountId), \(bind: rule.name), \(bind: rule.state.rawValue), \(bind: rule.createdAt.timeIntervalSince1970),
                    \(bind: try RecordCoding.encode(rule)))
            ON CONFLICT (account_id, name) DO UPDATE SET state = excluded.state, body = excluded.body
            """)
    }

    public func eventRule(accountId: String, name: String) async throws -> EventRuleRecord? {
        try await first(EventRuleRecord.self, "SELECT body FROM event_rules WHERE account_id = \(bind: accountId) AND name = \(bind: name)")
    }

    public func eventRules(accountId: String, namePrefix: String?) async throws -> [EventRuleRecord] {
        let rules = try await all(EventRuleRecord.self, "SELECT body FROM event_rules WHERE account_id = \(bind: accountId) ORDER BY name")
        guard let namePrefix else { return rules }
        return rules.filter { $0.name.hasPrefix(namePrefix) }
    }

    public func allEventRules() async throws -> [EventRuleRecord] {
        try await all(EventRuleRecord.self, "SELECT body FROM event_rules ORDER BY account_id, name")
    }

    public func deleteEventRule(accountId: String, name: String) async throws -> Bool {
        try await transaction { db in
            let targets = try await db.raw("""
                SELECT COUNT(*) AS n FROM event_targets WHERE account_id = \(bind: accountId) AND rule_name = \(bind: name)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            guard targets == 0 else { return false }
            try await db.raw("DELETE FROM event_rules WHERE account_id = \(bind: accountId) AND name = \(bind: name)").run()
            try await db.raw("DELETE FROM event_deliveries WHERE account_id = \(bind: accountId) AND rule_name = \(bind: name)").run()
            return true
        }
    }

    public func eventTargets(accountId: String, ruleName: String) async throws -> [EventTarget] {
        try await all(EventTarget.self, """
            SELECT body FROM event_targets WHERE account_id = \(bind: accountId) AND rule_name = \(bind: ruleName) ORDER BY id
            """)
    }

    public func putEventTargets(accountId: String, ruleName: String, _ targets: [EventTarget]) async throws {
        try await transaction { db in
            for target in targets {
                try await db.raw("""
                    INSERT INTO event_targets (account_id, rule_name, id, body)
                    VALUES (\(bind: accountId), \(bind: ruleName), \(bind: target.id), \(bind: try RecordCoding.encode(target)))
                    ON CONFLICT (account_id, rule_name, id) DO UPDATE SET body = excluded.body
                    """).run()
            }
        }
    }

    public func removeEventTargets(accountId: String, ruleName: String, ids: [String]) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        return try await transaction { db in
            let present = try await db.raw("""
                SELECT id FROM event_targets WHERE account_id = \(bind: accountId) AND rule_name = \(bind: ruleName) AND id IN (\(binds: ids))
                """).all().map { try $0.decode(column: "id", as: String.self) }
            try await db.raw("""
                DELETE FROM event_targets WHERE account_id = \(bind: accountId) AND rule_name = \(bind: ruleName) AND id IN (\(binds: ids))
                """).run()
            return present
        }
    }

    public func insertEventDeliveries(_ deliveries: [EventDeliveryRecord]) async throws {
        guard !deliveries.isEmpty else { return }
        try await transaction { db in
            for delivery in deliveries {
                try await db.raw("""
                    INSERT INTO event_deliveries (id, account_id, rule_name, target_id, state, next_attempt_at, created_at, body)
                    VALUES (\(bind: delivery.id), \(bind: delivery.accountId), \(bind: delivery.ruleName), \(bind: delivery.targetId),
                            \(bind: delivery.state.rawValue), \(bind: delivery.nextAttemptAt.timeIntervalSince1970),
                            \(bind: delivery.createdAt.timeIntervalSince1970), \(bind: try RecordCoding.encode(delivery)))
                    """).run()
            }
        }
    }

    public func dueEventDeliveries(at now: Date, limit: Int) async throws -> [EventDeliveryRecord] {
        try await all(EventDeliveryRecord.self, """
            SELECT body FROM event_deliveries WHERE state = \(bind: EventDeliveryRecord.State.pending.rawValue)
                AND next_attempt_at <= \(bind: now.timeIntervalSince1970) ORDER BY next_attempt_at LIMIT \(bind: limit)
            """)
    }

    public func updateEventDelivery(_ delivery: EventDeliveryRecord) async throws {
        try await execute("""
            UPDATE event_deliveries SET state = \(bind: delivery.state.rawValue), next_attempt_at = \(bind: delivery.nextAttemptAt.timeIntervalSince1970),
                body = \(bind: try RecordCoding.encode(delivery)) WHERE id = \(bind: delivery.id)
            """)
    }

    public func deleteEventDelivery(id: String) async throws {
        try await execute("DELETE FROM event_deliveries WHERE id = \(bind: id)")
    }

    public func eventDeliveries(accountId: String, ruleName: String, state: EventDeliveryRecord.State, limit: Int) async throws -> [EventDeliveryRecord] {
        try await all(EventDeliveryRecord.self, """
            SELECT body FROM event_deliveries WHERE account_id = \(bind: accountId) AND rule_name = \(bind: ruleName)
                AND state = \(bind: state.rawValue) ORDER BY created_at DESC LIMIT \(bind: limit)
            """)
    }
}
