import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Runs associations when their schedule is due (checked every second; the next run is stored, so a restart
/// keeps the schedule), and on a node as soon as it matches an association's targets: when it registers, or
/// when it gains a tag the targets ask for.
///
/// A run missed while the server was down happens once at start, unless the association applies only at its
/// cron times; then the missed time is skipped.
struct AssociationScheduler: Service {
    static let tick: Duration = .seconds(1)
    /// How late a run may start and still count as on time for `ApplyOnlyAtCronInterval`.
    static let lateness: TimeInterval = 60

    let store: any Store & AssociationStore
    let executor: AssociationExecutor
    let limits: AssociationScheduleLimits
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await runDue()
            } catch {
                logger.error("association schedule pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: Self.tick)
        }
    }

    /// Starts every association whose next run is due, after storing the run after it.
    func runDue(now: Date = Date()) async throws {
        for due in try await store.dueAssociations(now: now) {
            let schedule = limits.schedule(of: due)
            guard let claimed = try await store.modifyAssociation(id: due.associationId, { association -> Date? in
                guard let next = association.nextRunAt, next <= now else { return nil }
                association.nextRunAt = schedule?.nextRun(after: now)
                return next
            }), let scheduledAt = claimed.result else { continue }
            if claimed.association.applyOnlyAtCronInterval && now.timeIntervalSince(scheduledAt) > Self.lateness {
                logger.info("missed association run skipped", metadata: ["portless.association": "\(due.associationId)"])
                continue
            }
            await executor.execute(claimed.association, now: now)
        }
    }

    /// Runs, on `instanceId` alone, every association of its account that its tags now match and `before` did not
    /// (nil: the node is new).
    func nodeChanged(accountId: String, instanceId: String, before: [Tag]?) async {
        do {
            guard let node = try await store.node(id: instanceId) else { return }
            let tags = try await store.tags(resourceType: NodeService.resourceType, resourceId: instanceId)
            let now = TargetSelector.Candidate(id: instanceId, tags: Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
            let then = before.map { TargetSelector.Candidate(id: instanceId, tags: Dictionary($0.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })) }
            let targeted = TargetedNode(instanceId: instanceId, hostname: node.info.hostname)
            for association in try await store.associations(accountId: accountId) {
                guard let selector = try? TargetSelector(association.effectiveTargets), selector.matches(now),
                      !(then.map(selector.matches) ?? false) else { continue }
                await executor.execute(association, nodes: [targeted])
            }
        } catch {
            logger.error("association run for a changed node failed", metadata: ["portless.node": "\(instanceId)", "error": "\(error)"])
        }
    }
}
