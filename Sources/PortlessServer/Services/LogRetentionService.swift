import Logging
import ServiceLifecycle

/// Removes log events older than their group's retention: at start, then every `interval`. Stops on graceful
/// shutdown.
struct LogRetentionService: Service {
    let logs: LogService
    var interval: Duration = .seconds(600)
    let logger: Logger

    func run() async throws {
        let clock = ContinuousClock()
        var due = clock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            if clock.now >= due {
                do {
                    let removed = try await logs.expire()
                    if removed > 0 { logger.info("expired log events", metadata: ["portless.count": "\(removed)"]) }
                } catch {
                    logger.warning("could not expire log events", metadata: ["error": "\(error)"])
                }
                due = clock.now.advanced(by: interval)
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
