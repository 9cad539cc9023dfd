import Foundation
import PortlessCore

/// EventBridge's rules on each account's default bus: writes and reads them, their targets, and custom events, and
/// tells the catalog when an account's rules change.
struct EventRuleService: Sendable {
    let store: any EventRuleStore
    let catalog: EventRuleCatalog
    let bus: EventBus
    let region: String
    let allowsSecondSchedules: Bool

    /// What PutRule asks for.
    struct RuleInput: Sendable {
        var name: String?
        var eventPattern: String?
        var scheduleExpression: String?
        var state: String?
        var description: String?
        var roleArn: String?
        var tags: [Tag]
        var eventBusName: String?
    }

    /// A target PutTargets or RemoveTargets could not write, as `FailedEntries` lists it.
    struct FailedEntry: Sendable {
        var targetId: String
        var errorCode: String
        var errorMessage: String
    }

    /// Creates or replaces a rule (what is not given is not kept, but tags and creation time are).
    func putRule(_ input: RuleInput, principal: Principal, now: Date = Date()) async throws -> EventRuleRecord {
        let name = try EventRuleValidation.name(input.name, field: "Name")
        try EventRuleValidation.bus(input.eventBusName, region: region, account: principal.accountId)
        if let description = input.description { try EventRuleValidation.length(description, field: "Description", 0...512) }
        if let roleArn = input.roleArn { try EventRuleValidation.length(roleArn, field: "RoleArn", 1...1600) }
        let state = try EventRuleValidation.state(input.state)
        guard input.eventPattern != nil || input.scheduleExpression != nil else { throw PortlessError.Events.patternOrSchedule }
        if let pattern = input.eventPattern { _ = try EventRuleValidation.pattern(pattern) }
        if let schedule = input.scheduleExpression { _ = try EventRuleValidation.schedule(schedule, allowsSeconds: allowsSecondSchedules) }
        let existing = try await store.eventRule(accountId: principal.accountId, name: name)
        let rule = EventRuleRecord(accountId: principal.accountId, name: name, eventPattern: input.eventPattern,
                                   scheduleExpression: input.scheduleExpression, state: state, description: input.description,
                                   roleArn: input.roleArn, tags: existing?.tags ?? input.tags, createdAt: existing?.createdAt ?? now)
        try await store.putEventRule(rule)
        await catalog.invalidate(accountId: principal.accountId)
        return rule
    }

    func rule(_ name: String?, field: String = "Name", bus: String? = nil, principal: Principal) async throws -> EventRuleRecord {
        let name = try EventRuleValidation.name(name, field: field)
        try EventRuleValidation.bus(bus, region: region, account: principal.accountId)
        guard let rule = try await store.eventRule(accountId: principal.accountId, name: name) else {
            throw PortlessError.Events.ruleNotFound(name, field: field)
        }
        return rule
    }

    func rules(namePrefix: String?, bus: String?, principal: Principal) async throws -> [EventRuleRecord] {
        if let namePrefix { _ = try EventRuleValidation.name(namePrefix, field: "NamePrefix") }
        try EventRuleValidation.bus(bus, region: region, account: principal.accountId)
        return try await store.eventRules(accountId: principal.accountId, namePrefix: namePrefix)
    }

    /// Deletes a rule without targets; deleting one that is not there succeeds, as in EventBridge.
    func deleteRule(_ name: String?, bus: String?, principal: Principal) async throws {
        let name = try EventRuleValidation.name(name, field: "Name")
        try EventRuleValidation.bus(bus, region: region, account: principal.accountId)
        guard try await store.deleteEventRule(accountId: principal.accountId, name: name) else { throw PortlessError.Events.ruleHasTargets }
        await catalog.invalidate(accountId: principal.accountId)
    }

    func setEnabled(_ enabled: Bool, name: String?, bus: String?, principal: Principal) async throws {
        var rule = try await self.rule(name, bus: bus, principal: principal)
        rule.state = enabled ? .enabled : .disabled
        try await store.putEventRule(rule)
        await catalog.invalidate(accountId: principal.accountId)
    }

    /// Adds or replaces targets by ID; a target Portless cannot deliver to is a failed entry, the others are written.
    func putTargets(rule name: String?, bus: String?, _ targets: [EventTarget], principal: Principal) async throws -> [FailedEntry] {
        let rule = try await self.rule(name, field: "Rule", bus: bus, principal: principal)
        guard (1...100).contains(targets.count) else {
            throw ConstraintViolation.withoutValue(.validation, field: "Targets", targets.isEmpty ? .minLength(1) : .maxLength(100))
        }
        for (index, target) in targets.enumerated() { try EventRuleValidation.target(target, index: index) }
        var accepted: [EventTarget] = []
        var failed: [FailedEntry] = []
        for target in targets {
            switch EventTargetKind.of(target.arn, region: region, account: principal.accountId) {
            case .failure(let refusal):
                failed.append(FailedEntry(targetId: target.id, errorCode: "ValidationException", errorMessage: refusal.message))
            case .success(.runCommand) where (target.roleArn ?? rule.roleArn) == nil:
                failed.append(FailedEntry(targetId: target.id, errorCode: "ValidationException",
                                          errorMessage: "RoleArn is required for target \(target.arn)."))
            case .success:
                accepted.removeAll { $0.id == target.id }
                accepted.append(target)
            }
        }
        let existing = try await store.eventTargets(accountId: principal.accountId, ruleName: rule.name).map(\.id)
        guard Set(existing + accepted.map(\.id)).count <= EventRuleValidation.maximumTargets else { throw PortlessError.Events.tooManyTargets }
        try await store.putEventTargets(accountId: principal.accountId, ruleName: rule.name, accepted)
        await catalog.invalidate(accountId: principal.accountId)
        return failed
    }

    /// Removes targets by ID; an ID the rule does not have is a failed entry.
    func removeTargets(rule name: String?, bus: String?, ids: [String], principal: Principal) async throws -> [FailedEntry] {
        let rule = try await self.rule(name, field: "Rule", bus: bus, principal: principal)
        guard (1...100).contains(ids.count) else {
            throw ConstraintViolation.withoutValue(.validation, field: "Ids", ids.isEmpty ? .minLength(1) : .maxLength(100))
        }
        for (index, id) in ids.enumerated() { _ = try EventRuleValidation.name(id, field: "Ids[\(index)]") }
        let removed = Set(try await store.removeEventTargets(accountId: principal.accountId, ruleName: rule.name, ids: ids))
        await catalog.invalidate(accountId: principal.accountId)
        return ids.filter { !removed.contains($0) }.map {
            FailedEntry(targetId: $0, errorCode: "ResourceNotFoundException", errorMessage: "Target \($0) does not exist on rule \(rule.name).")
        }
    }

    func targets(rule name: String?, bus: String?, principal: Principal) async throws -> [EventTarget] {
        let rule = try await self.rule(name, field: "Rule", bus: bus, principal: principal)
        return try await store.eventTargets(accountId: principal.accountId, ruleName: rule.name)
    }

    /// A rule's deliveries in `state` (its dead letters, or those still being retried), newest first.
    func deliveries(rule name: String?, state: EventDeliveryRecord.State, principal: Principal) async throws -> [EventDeliveryRecord] {
        let rule = try await self.rule(name, field: "Rule", principal: principal)
        return try await store.eventDeliveries(accountId: principal.accountId, ruleName: rule.name, state: state, limit: 100)
    }

    /// Whether `event` (an event's JSON text, with its envelope fields) matches `pattern`.
    func testEventPattern(_ pattern: String?, event: String?) throws -> Bool {
        guard let pattern else { throw ConstraintViolation.error(.validation, value: nil, field: "EventPattern", .notNull) }
        guard let event else { throw ConstraintViolation.error(.validation, value: nil, field: "Event", .notNull) }
        let compiled = try EventRuleValidation.pattern(pattern)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(event.utf8)), let object = value.objectValue,
              ["id", "account", "source", "time", "region", "detail-type"].allSatisfy({ object[$0] != nil }) else {
            throw PortlessError.Events.invalidEvent
        }
        return compiled.matches(value)
    }
}
