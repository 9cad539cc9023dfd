import Foundation
import PortlessCore

/// Runs State Manager associations of the scan document as scans: "scan everything nightly" and "scan every new
/// server" are each one `aws ssm create-association --name Portless-KISAUnixScan`. The scan's nodes become the
/// execution's targets when it finishes (`ScanAssociationTracker`).
struct ScanAssociationRunner: AssociationRunner {
    let scans: ScanService

    var outputSourceType: String { "PortlessScan" }

    func run(_ association: AssociationRecord, nodes: [TargetedNode]?, executionId: String) async throws -> String {
        var targets = association.effectiveTargets
        if let nodes {
            targets = [Target(key: "InstanceIds", values: nodes.map(\.instanceId))]
        }
        var request = ScanRequest(targets: targets, bundleSha256: association.parameters["bundleSha256"]?.first.flatMap { $0.isEmpty ? nil : $0 },
                                  name: association.associationName ?? "association \(association.associationId)",
                                  maxConcurrency: association.maxConcurrency, maxErrors: association.maxErrors,
                                  checkTimeoutSeconds: association.parameters["checkTimeout"]?.first.flatMap { Int($0) })
        // A run for nodes that have just registered: they connect in a moment.
        request.waitsForOfflineNodes = nodes != nil
        let scan = try await scans.start(request, by: .association(accountId: association.accountId, associationId: association.associationId,
                                                                   executionId: executionId), facts: CallFacts())
        return scan.scanId
    }
}
