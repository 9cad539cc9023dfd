import Foundation
import PortlessCore

/// The enabled rules of each account with their compiled patterns and targets, read from the store once and kept
/// until a rule or target of the account changes. `revision` rises with every change (the scheduler watches it).
actor EventRuleCatalog {
    /// One account's rules, ready to match.
    struct AccountRules: Sendable {
        var index: EventPatternIndex<String>
        var rules: [String: EventRuleRecord]
        var targets: [String: [EventTarget]]
    }

    /// A rule an event matched, with the targets it goes to.
    struct Match: Sendable {
        var rule: EventRuleRecord
        var targets: [EventTarget]
    }

    private let store: any EventRuleStore
    private var accounts: [String: AccountRules] = [:]
    private(set) var revision = 0

    init(store: any EventRuleStore) { self.store = store }

    /// Forgets the account's rules after a change.
    func invalidate(accountId: String) {
        accounts[accountId] = nil
        revision += 1
    }

    /// The enabled pattern rules of the event's account that match it.
    func matches(_ event: JSONValue, accountId: String) async throws -> [Match] {
        let rules = try await self.rules(of: accountId)
        return rules.index.matches(event).compactMap { name in
            rules.rules[name].map { Match(rule: $0, targets: rules.targets[name] ?? []) }
        }
    }

    /// The rule and target a delivery is for, as they are now (nil when either is gone).
    func target(accountId: String, ruleName: String, targetId: String) async throws -> (EventRuleRecord, EventTarget)? {
        guard let rule = try await store.eventRule(accountId: accountId, name: ruleName),
              let target = try await store.eventTargets(accountId: accountId, ruleName: ruleName).first(where: { $0.id == targetId }) else {
            return nil
        }
        return (rule, target)
    }

    private func rules(of accountId: String) async throws -> AccountRules {
        if let cached = accounts[accountId] { return cached }
        var patterns: [(key: String, pattern: EventPattern)] = []
        var rules: [String: EventRuleRecord] = [:]
        var targets: [String: [EventTarget]] = [:]
        for rule in try await store.eventRules(accountId: accountId, namePrefix: nil) where rule.state.isEnabled {
            // Stored patterns were checked when they were put; one that no longer compiles matches nothing.
            guard let text = rule.eventPattern, let pattern = try? EventPattern(parsing: text) else { continue }
            patterns.append((rule.name, pattern))
            rules[rule.name] = rule
            targets[rule.name] = try await store.eventTargets(accountId: accountId, ruleName: rule.name)
        }
        let loaded = AccountRules(index: EventPatternIndex(patterns), rules: rules, targets: targets)
        accounts[accountId] = loaded
        return loaded
    }
}
