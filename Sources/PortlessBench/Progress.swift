import Foundation
import Synchronization

/// Prints "label: done/total" to stderr every tenth of the way.
final class Progress: Sendable {
    private let label: String
    private let total: Int
    private let done = Mutex(0)

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    func advance() {
        let now = done.withLock { value -> Int in
            value += 1
            return value
        }
        let step = max(1, total / 10)
        if now % step == 0 || now == total {
            FileHandle.standardError.write(Data("  \(label): \(now)/\(total)\n".utf8))
        }
    }
}
