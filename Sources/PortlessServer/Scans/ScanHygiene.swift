import Foundation
import PortlessCore

/// Managed-node hygiene, as AWS Security Hub's control SSM.1 reports it: nodes registered but offline, nodes whose
/// agent never connected, and nodes an association of the scan document should have scanned but has not within
/// its window (twice its interval between runs, plus an hour for the scan itself).
struct ScanHygiene: Sendable {
    let store: any Store & ScanStore & AssociationStore
    let connections: AgentConnections

    func findings(accountIds: [String], now: Date = Date()) async throws -> [HygieneFinding] {
        var findings: [HygieneFinding] = []
        for accountId in accountIds {
            for node in try await store.nodes(accountId: accountId) where await !connections.isConnected(node.instanceId) {
                if let seen = node.lastPingDateTime {
                    findings.append(HygieneFinding(nodeId: node.instanceId, accountId: accountId, kind: .offline,
                                                   detail: "Registered, but its agent is not connected.", since: seen))
                } else {
                    findings.append(HygieneFinding(nodeId: node.instanceId, accountId: accountId, kind: .neverConnected,
                                                   detail: "Registered, but its agent has never connected.", since: node.registrationDate))
                }
            }
            findings += try await unscanned(accountId: accountId, now: now)
        }
        return findings
    }

    private func unscanned(accountId: String, now: Date) async throws -> [HygieneFinding] {
        var findings: [HygieneFinding] = []
        for association in try await store.associations(accountId: accountId) where association.name.hasSuffix(ScanDocument.name) {
            guard let text = association.scheduleExpression,
                  let schedule = try? ScheduleExpression(parsing: text, options: .init(yearOptional: true, allowsSeconds: true)),
                  let first = schedule.nextFire(after: now), let second = schedule.nextFire(after: first) else { continue }
            let window = 2 * second.timeIntervalSince(first) + 3600
            let nodes = try await store.targetNodes(accountId: accountId, meeting: try TargetSelector(association.effectiveTargets).conditions)
            let scanned = try await store.lastScanned(nodeIds: nodes.map(\.instanceId))
            for node in nodes where (scanned[node.instanceId] ?? .distantPast) < now.addingTimeInterval(-window)
                && association.createdDate < now.addingTimeInterval(-window) {
                findings.append(HygieneFinding(
                    nodeId: node.instanceId, accountId: accountId, kind: .notScannedInWindow,
                    detail: "Association \(association.associationId) (\(text)) has not scanned it in the last \(Int(window / 3600)) h.",
                    since: scanned[node.instanceId]))
            }
        }
        return findings
    }
}
