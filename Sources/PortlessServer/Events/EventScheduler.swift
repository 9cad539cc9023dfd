import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Fires schedule rules on time: at each due time an EventBridge `Scheduled Event` (source `aws.events`) goes to that
/// rule's targets alone. Schedules are read again whenever a rule changes; a restart starts each from the time it
/// starts.
struct EventScheduler: Service {
    static let detailType = "Scheduled Event"

    let store: any EventRuleStore
    let catalog: EventRuleCatalog
    let deliveries: EventDeliveryService
    let region: String
    let allowsSecondSchedules: Bool
    let logger: Logger

    /// One schedule rule and when it fires next.
    private struct Entry {
        var rule: EventRuleRecord
        var schedule: ScheduleExpression
        var next: Date
    }

    func run() async throws {
        var entries: [String: Entry] = [:]
        var revision = -1
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let now = Date()
            let current = await catalog.revision
            if current != revision {
                do {
                    entries = try await reload(entries, now: now)
                    revision = current
                } catch {
                    logger.error("schedule rules could not be read", metadata: ["portless.error": "\(error)"])
                }
            }
            for (key, entry) in entries where entry.next <= now {
                await fire(entry.rule, at: entry.next)
                entries[key]?.next = entry.schedule.nextFire(after: max(entry.next, now.addingTimeInterval(-1))) ?? .distantFuture
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
    }

    /// The enabled schedule rules, each keeping its next time when its schedule did not change.
    private func reload(_ old: [String: Entry], now: Date) async throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for rule in try await store.allEventRules() where rule.state.isEnabled {
            guard let text = rule.scheduleExpression,
                  let schedule = try? EventRuleValidation.schedule(text, allowsSeconds: allowsSecondSchedules) else { continue }
            let key = "\(rule.accountId)/\(rule.name)"
            let kept = old[key].flatMap { $0.rule.scheduleExpression == text ? $0.next : nil }
            entries[key] = Entry(rule: rule, schedule: schedule, next: kept ?? schedule.nextFire(after: now) ?? .distantFuture)
        }
        return entries
    }

    private func fire(_ rule: EventRuleRecord, at time: Date) async {
        let event = EventEnvelope(detailType: Self.detailType, source: "aws.events", account: rule.accountId, time: time, region: region,
                                  resources: [rule.arn(region: region)], detail: .object([:]))
        do {
            let targets = try await store.eventTargets(accountId: rule.accountId, ruleName: rule.name)
            let text = EventInput.json(event.json)
            let records = targets.map {
                EventDeliveryRecord(id: Identifiers.uuid(), accountId: rule.accountId, ruleName: rule.name, targetId: $0.id, event: text,
                                    createdAt: Date())
            }
            try await store.insertEventDeliveries(records)
            deliveries.enqueue(records)
            logger.info("schedule rule fired", metadata: ["portless.rule": "\(rule.name)", "portless.targets": "\(records.count)"])
        } catch {
            logger.error("schedule rule could not fire", metadata: ["portless.rule": "\(rule.name)", "portless.error": "\(error)"])
        }
    }
}
