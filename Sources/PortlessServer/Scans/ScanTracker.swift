import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Follows running scans: a scan command's invocation that ends without success leaves its node not
/// scanned (with the status as the reason), and a scan whose window has closed stops waiting.
struct ScanTracker: Service {
    let scans: ScanService
    let events: EventBus
    let logger: Logger

    func run() async throws {
        let stream = await events.subscribe()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in stream { await follow(event) }
                }
                group.addTask {
                    while !Task.isCancelled {
                        do {
                            try await scans.expireWindows()
                        } catch {
                            logger.error("scan window check failed", metadata: ["error": "\(error)"])
                        }
                        try? await Task.sleep(for: .seconds(2))
                    }
                }
                await group.waitForAll()
            }
        }
    }

    private func follow(_ event: EventEnvelope) async {
        guard event.detailType == CommandEvents.invocationDetailType, event.detail["document-name"]?.stringValue == ScanDocument.name,
              let commandId = event.detail["command-id"]?.stringValue, let instanceId = event.detail["instance-id"]?.stringValue,
              let status = event.detail["status"]?.stringValue.flatMap(InvocationStatus.init(rawValue:)) else { return }
        do {
            try await scans.invocationEnded(commandId: commandId, instanceId: instanceId, status: status,
                                            details: event.detail["status-details"]?.stringValue ?? status.rawValue)
        } catch {
            logger.error("scan invocation could not be recorded", metadata: ["portless.command": "\(commandId)", "error": "\(error)"])
        }
    }
}
