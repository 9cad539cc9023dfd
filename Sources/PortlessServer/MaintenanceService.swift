import Logging
import ServiceLifecycle

/// Resumes rate control for commands left open by a restart, then does periodic upkeep: ends
/// invocations whose delivery deadline passed. Stops on graceful shutdown.
struct MaintenanceService: Service {
    let commands: CommandService
    let dispatcher: CommandDispatcher
    let logger: Logger

    func run() async throws {
        try await dispatcher.restore()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await commands.expireOverdue()
            } catch {
                logger.error("maintenance pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
