import Synchronization

/// Counts result uploads across the simulated fleet and when the last one landed.
final class ScanUploadTracker: Sendable {
    private struct State {
        var uploads = 0
        var lastUploadAt: ContinuousClock.Instant?
        var failures: [String] = []
    }

    private let state = Mutex(State())

    func uploaded(at instant: ContinuousClock.Instant) {
        state.withLock {
            $0.uploads += 1
            $0.lastUploadAt = instant
        }
    }

    func failed(_ description: String) { state.withLock { $0.failures.append(description) } }

    var uploads: Int { state.withLock { $0.uploads } }
    var lastUploadAt: ContinuousClock.Instant? { state.withLock { $0.lastUploadAt } }
    var failures: [String] { state.withLock { $0.failures } }
}
