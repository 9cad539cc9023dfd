import Foundation
import Logging
import PortlessCore
import ServiceLifecycle

/// Seals the audit log on a schedule (hourly by default; `--audit-digest-interval` for shorter) and once
/// more at shutdown, so that every record is covered by a signed digest.
struct AuditSealer: Service {
    let log: AuditLog
    let interval: TimeInterval
    let logger: Logger

    func run() async throws {
        var next = Date().addingTimeInterval(interval)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(min(1000, max(10, Int(next.timeIntervalSinceNow * 1000)))))
            if Date() >= next {
                await seal()
                next = Date().addingTimeInterval(interval)
            }
        }
        await seal()
    }

    private func seal() async {
        do {
            if let digest = try await log.seal() {
                logger.info("audit digest written", metadata: ["portless.digest": "\(digest.digestNumber)", "portless.lastSequence": "\(digest.lastSequence)"])
            }
        } catch {
            logger.error("audit digest not written", metadata: ["error": "\(error)"])
        }
    }
}
