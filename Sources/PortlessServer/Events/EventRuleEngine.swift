import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Matches every event on the bus against the enabled rules of its account and stores one delivery per matching
/// rule's target, then hands the deliveries to the delivery service.
struct EventRuleEngine: Service {
    let bus: EventBus
    let catalog: EventRuleCatalog
    let store: any EventRuleStore
    let deliveries: EventDeliveryService
    let logger: Logger

    func run() async throws {
        let events = await bus.subscribe()
        for await event in events.cancelOnGracefulShutdown() {
            await route(event)
        }
    }

    /// Stores the deliveries `event` makes and starts them.
    func route(_ event: EventEnvelope, now: Date = Date()) async {
        let json = event.json
        do {
            let matches = try await catalog.matches(json, accountId: event.account)
            guard !matches.isEmpty else { return }
            let text = EventInput.json(json)
            let records = matches.flatMap { match in
                match.targets.map {
                    EventDeliveryRecord(id: Identifiers.uuid(), accountId: event.account, ruleName: match.rule.name, targetId: $0.id,
                                        event: text, createdAt: now)
                }
            }
            try await store.insertEventDeliveries(records)
            deliveries.enqueue(records)
        } catch {
            logger.error("event could not be routed", metadata: ["portless.event": "\(event.id)", "portless.error": "\(error)"])
        }
    }
}
