import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Follows the commands that run association executions: on every status change of such a command or of one of
/// its invocations (from the event bus), the execution's targets are read again from the invocations.
struct CommandExecutionTracker: Service {
    let bus: EventBus
    let store: any Store & AssociationStore
    let executor: AssociationExecutor
    let logger: Logger

    func run() async throws {
        let events = await bus.subscribe()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await event in events {
                    guard event.source == "aws.ssm",
                          event.detailType == CommandEvents.commandDetailType || event.detailType == CommandEvents.invocationDetailType,
                          let commandId = event.detail["command-id"]?.stringValue else { continue }
                    do {
                        try await refresh(commandId: commandId)
                    } catch {
                        logger.error("association execution update failed", metadata: ["portless.command": "\(commandId)", "error": "\(error)"])
                    }
                }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    /// Reads the targets of the execution `commandId` carries out from its invocations, if it carries one out.
    func refresh(commandId: String) async throws {
        guard let execution = try await store.associationExecution(outputSourceId: commandId), !execution.status.isTerminal else { return }
        let targets = try await store.invocations(commandId: commandId).map(AssociationExecutionTarget.init(invocation:))
        try await executor.record(targets: targets, executionId: execution.executionId)
    }
}
