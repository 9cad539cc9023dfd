import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Carries each stored delivery to its target: attempts it, retries a failure with exponential backoff within the
/// target's `RetryPolicy` (EventBridge's defaults: 185 retries, 24 hours), then keeps it as the rule's dead letter.
/// Each delivery runs on its own, in its target's lane, so a target that hangs or fails delays no other target.
/// Pending deliveries are resumed when the server starts.
struct EventDeliveryService: Service {
    /// Deliveries running at once against one target.
    static let laneWidth = 4
    /// The longest wait between two attempts.
    static let maximumBackoff: TimeInterval = 300

    let store: any EventRuleStore
    let catalog: EventRuleCatalog
    let dispatcher: EventTargetDispatcher
    let logger: Logger
    private let lanes = DeliveryLanes(width: EventDeliveryService.laneWidth)
    private let queue = AsyncStream<EventDeliveryRecord>.makeStream()

    init(store: any EventRuleStore, catalog: EventRuleCatalog, dispatcher: EventTargetDispatcher, logger: Logger) {
        self.store = store
        self.catalog = catalog
        self.dispatcher = dispatcher
        self.logger = logger
    }

    /// Starts carrying deliveries already stored.
    func enqueue(_ deliveries: [EventDeliveryRecord]) {
        for delivery in deliveries { queue.continuation.yield(delivery) }
    }

    func run() async throws {
        let pending = try await store.dueEventDeliveries(at: .distantFuture, limit: Int(Int32.max))
        await withDiscardingTaskGroup { group in
            for delivery in pending { group.addTask { await carry(delivery) } }
            for await delivery in queue.stream.cancelOnGracefulShutdown() {
                group.addTask { await carry(delivery) }
            }
            group.cancelAll()
        }
    }

    /// The wait before retry `attempt` (1-based): 1 s doubling up to five minutes, less up to a fifth at random.
    static func backoff(after attempt: Int) -> TimeInterval {
        let base = min(maximumBackoff, pow(2, Double(min(attempt - 1, 20))))
        return base * Double.random(in: 0.8...1.0)
    }

    private func carry(_ delivery: EventDeliveryRecord) async {
        guard await lanes.claim(delivery.id) else { return }
        await attempt(delivery)
        await lanes.release(delivery.id)
    }

    /// Attempts `delivery` until it is delivered, dead-lettered, gone, or the service stops.
    private func attempt(_ delivery: EventDeliveryRecord) async {
        var delivery = delivery
        let lane = "\(delivery.accountId)/\(delivery.ruleName)/\(delivery.targetId)"
        let metadata: Logger.Metadata = ["portless.rule": "\(delivery.ruleName)", "portless.target": "\(delivery.targetId)",
                                         "portless.delivery": "\(delivery.id)"]
        while !Task.isCancelled {
            let wait = delivery.nextAttemptAt.timeIntervalSinceNow
            if wait > 0 {
                do { try await Task.sleep(for: .seconds(wait)) } catch { return }
            }
            do {
                guard let found = try await catalog.target(accountId: delivery.accountId, ruleName: delivery.ruleName,
                                                           targetId: delivery.targetId),
                      let event = try? JSONDecoder().decode(JSONValue.self, from: Data(delivery.event.utf8)) else {
                    try await store.deleteEventDelivery(id: delivery.id)
                    return
                }
                let (rule, target) = found
                await lanes.enter(lane)
                let outcome: (any Error)?
                do {
                    try await dispatcher.deliver(event, ingestedAt: delivery.createdAt, to: target, of: rule)
                    outcome = nil
                } catch {
                    outcome = error
                }
                await lanes.leave(lane)
                if Task.isCancelled { return }
                guard let outcome else {
                    try await store.deleteEventDelivery(id: delivery.id)
                    logger.debug("event delivered", metadata: metadata)
                    return
                }
                delivery.attempts += 1
                delivery.lastError = Self.describe(outcome)
                let policy = target.retryPolicy
                let retries = policy?.maximumRetryAttempts ?? EventTarget.RetryPolicy.defaultAttempts
                let age = TimeInterval(policy?.maximumEventAgeInSeconds ?? EventTarget.RetryPolicy.defaultAge)
                let next = Date().addingTimeInterval(Self.backoff(after: delivery.attempts))
                if delivery.attempts > retries || next > delivery.createdAt.addingTimeInterval(age) {
                    delivery.state = .deadLettered
                    try await store.updateEventDelivery(delivery)
                    logger.warning("event delivery dead-lettered", metadata: metadata.merging(["portless.error": "\(delivery.lastError ?? "")"]) { $1 })
                    return
                }
                delivery.nextAttemptAt = next
                try await store.updateEventDelivery(delivery)
                logger.info("event delivery failed, will retry", metadata: metadata.merging(["portless.error": "\(delivery.lastError ?? "")"]) { $1 })
            } catch {
                logger.error("event delivery could not be recorded", metadata: metadata.merging(["portless.error": "\(error)"]) { $1 })
                return
            }
        }
    }

    /// A failure in words for the dead-letter record.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let refusal as EventTargetRefusal: refusal.message
        case let failure as PortlessError: "\(failure.code.rawValue): \(failure.message)"
        default: String(describing: error)
        }
    }
}
