import PortlessCore
import Synchronization

/// The agent's credit for sending stream bytes on its session leg (`SessionLeg`'s window): sending
/// waits while the credit is used up, and the server's `credit` controls refill it. Closing the leg
/// fails every wait, and so does cancelling the waiting task, so a session that ends never hangs on it.
final class LegCredit: Sendable {
    private struct State {
        var available = SessionLegWindow.size
        var closed = false
        var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// Takes `count` bytes of credit, first waiting while none is left (a frame may overdraw it).
    func spend(_ count: Int) async throws {
        while try !state.withLock({ state in
            if state.closed { throw CancellationError() }
            guard state.available > 0 else { return false }
            state.available -= count
            return true
        }) {
            try await waitForCredit()
        }
    }

    /// The server consumed `count` more bytes.
    func grant(_ count: Int) {
        let waiters = state.withLock { state in
            state.available += count
            defer { state.waiters = [:] }
            return state.waiters
        }
        waiters.values.forEach { $0.resume() }
    }

    /// The leg is gone: every wait, now and later, fails.
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return state.waiters
        }
        waiters.values.forEach { $0.resume(throwing: CancellationError()) }
    }

    private func waitForCredit() async throws {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.closed || Task.isCancelled { return .failure(CancellationError()) }
                    if state.available > 0 { return .success(()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }
}
