import Foundation
import Synchronization

/// When the other side of a channel was last heard from.
final class LastHeard: Sendable {
    private let date = Mutex(Date())

    func touch() { date.withLock { $0 = Date() } }
    var secondsAgo: TimeInterval { date.withLock { Date().timeIntervalSince($0) } }
}
