import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Reports each finished scan an association started to its execution: a scanned node is a successful target,
/// one not scanned or with a malformed result a failed one (its reason as the detailed status).
struct ScanAssociationTracker: Service {
    let events: EventBus
    let scans: ScanService
    let executor: AssociationExecutor
    let logger: Logger

    func run() async throws {
        let stream = await events.subscribe()
        await cancelWhenGracefulShutdown {
            for await event in stream where event.source == ScanEvents.source {
                guard let status = event.detail["status"]?.stringValue.flatMap(ScanStatus.init(rawValue:)), status.isTerminal,
                      let scanId = event.detail["scan-id"]?.stringValue,
                      let executionId = event.detail["association-execution-id"]?.stringValue else { continue }
                do {
                    let targets = try await scans.nodes(scanId: scanId).map { node in
                        AssociationExecutionTarget(resourceId: node.nodeId, status: node.state == .scanned ? .success : .failed,
                                                   detailedStatus: node.state == .scanned ? "Success" : node.reason ?? node.state.rawValue,
                                                   lastExecutionDate: node.scannedAt)
                    }
                    try await executor.record(targets: targets, executionId: executionId)
                } catch {
                    logger.error("scan association execution not recorded", metadata: ["portless.scan": "\(scanId)", "error": "\(error)"])
                }
            }
        }
    }
}
