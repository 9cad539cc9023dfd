public import Foundation

/// Persistence for EventBridge: rules, their targets, and deliveries (pending and dead-lettered). Every method is atomic.
public protocol EventRuleStore: Sendable {
    /// Writes `rule`, replacing the one of the same account and name.
    func putEventRule(_ rule: EventRuleRecord) async throws
    func eventRule(accountId: String, name: String) async throws -> EventRuleRecord?
    /// The account's rules by name, those starting with `namePrefix` when given.
    func eventRules(accountId: String, namePrefix: String?) async throws -> [EventRuleRecord]
    /// Every account's rules (the rule engine's start).
    func allEventRules() async throws -> [EventRuleRecord]
    /// Deletes the rule unless it has targets; returns false (deleting nothing) when it has.
    func deleteEventRule(accountId: String, name: String) async throws -> Bool

    /// The rule's targets by ID.
    func eventTargets(accountId: String, ruleName: String) async throws -> [EventTarget]
    /// Adds or replaces targets by ID.
    func putEventTargets(accountId: String, ruleName: String, _ targets: [EventTarget]) async throws
    /// Removes targets by ID; returns the IDs that were there.
    func removeEventTargets(accountId: String, ruleName: String, ids: [String]) async throws -> [String]

    func insertEventDeliveries(_ deliveries: [EventDeliveryRecord]) async throws
    /// Pending deliveries due at `now`, oldest first, at most `limit`.
    func dueEventDeliveries(at now: Date, limit: Int) async throws -> [EventDeliveryRecord]
    func updateEventDelivery(_ delivery: EventDeliveryRecord) async throws
    func deleteEventDelivery(id: String) async throws
    /// A rule's deliveries in `state`, newest first, at most `limit`.
    func eventDeliveries(accountId: String, ruleName: String, state: EventDeliveryRecord.State, limit: Int) async throws -> [EventDeliveryRecord]
}
