import Logging
import ServiceLifecycle

/// Periodic upkeep: ends invocations whose delivery deadline passed. Stops on graceful shutdown.
struct MaintenanceService: Service {
    let commands: CommandService
    let logger: Logger

    func run() async throws {
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
