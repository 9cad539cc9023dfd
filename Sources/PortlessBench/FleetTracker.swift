import Synchronization

/// What the simulated agents saw, shared by all of them: logins, when each `run` arrived, and the
/// server's acknowledgements of results. Times are on one monotonic clock in this process.
final class FleetTracker: Sendable {
    private struct State {
        var loggedIn = 0
        var closed = 0
        var runReceived: [ContinuousClock.Instant] = []
        var resultsAcknowledged = 0
        var allAcknowledgedAt: ContinuousClock.Instant?
        var failures: [String] = []
    }

    private let state = Mutex(State())
    /// Results expected before `allAcknowledgedAt` is set.
    let expectedResults: Int

    init(expectedResults: Int) {
        self.expectedResults = expectedResults
        state.withLock { $0.runReceived.reserveCapacity(expectedResults) }
    }

    func loggedIn() { state.withLock { $0.loggedIn += 1 } }
    func channelClosed() { state.withLock { $0.closed += 1 } }
    func runReceived(at instant: ContinuousClock.Instant) { state.withLock { $0.runReceived.append(instant) } }

    func resultAcknowledged(at instant: ContinuousClock.Instant) {
        state.withLock { state in
            state.resultsAcknowledged += 1
            if state.resultsAcknowledged == expectedResults { state.allAcknowledgedAt = instant }
        }
    }

    func failed(_ description: String) {
        state.withLock { state in
            if state.failures.count < 100 { state.failures.append(description) }
        }
    }

    var loggedInCount: Int { state.withLock { $0.loggedIn } }
    var closedCount: Int { state.withLock { $0.closed } }
    var resultsAcknowledgedCount: Int { state.withLock { $0.resultsAcknowledged } }
    var allAcknowledgedAt: ContinuousClock.Instant? { state.withLock { $0.allAcknowledgedAt } }
    var runReceipts: [ContinuousClock.Instant] { state.withLock { $0.runReceived } }
    var failures: [String] { state.withLock { $0.failures } }
}
