import Logging
import ServiceLifecycle

/// Ends the sessions a previous run left active, then gives every live session its periodic work (resends,
/// transcript flushes, idle and duration limits) several times a second. Stops on graceful shutdown.
struct SessionTicker: Service {
    static let interval: Duration = .milliseconds(200)

    let sessions: SessionService
    let logger: Logger

    func run() async throws {
        do {
            try await sessions.endInterrupted()
        } catch {
            logger.warning("could not end interrupted sessions", metadata: ["error": "\(error)"])
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await sessions.tick()
            try? await Task.sleep(for: Self.interval)
        }
    }
}
