import Synchronization

/// Hands out 0, 1, 2, … to concurrent workers, each index once.
final class IndexDispenser: Sendable {
    private let next = Mutex(0)

    func take() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
