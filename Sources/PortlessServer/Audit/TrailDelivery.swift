import Foundation
import ServiceLifecycle

/// Delivers logging trails' log files every `interval` seconds (`--trail-delivery-interval`, five minutes by
/// default, as CloudTrail delivers about every five minutes) and once more at shutdown.
struct TrailDelivery: Service {
    let trails: TrailService
    let interval: TimeInterval

    func run() async throws {
        var next = Date().addingTimeInterval(interval)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(min(1000, max(10, Int(next.timeIntervalSinceNow * 1000)))))
            if Date() >= next {
                await trails.deliverAll()
                next = Date().addingTimeInterval(interval)
            }
        }
        await trails.deliverAll()
    }
}
