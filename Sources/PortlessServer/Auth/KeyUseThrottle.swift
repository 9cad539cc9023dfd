import Foundation
import Synchronization

/// Remembers when each access key's use was last recorded, so that it is written at most once a minute.
final class KeyUseThrottle: Sendable {
    static let interval: TimeInterval = 60
    /// Entries older than `interval` are dropped once the table holds this many.
    static let pruneAbove = 10_000

    private let recorded = Mutex<[String: Date]>([:])

    /// Whether `accessKeyId`'s use at `now` should be recorded; if so, notes it as recorded.
    func shouldRecord(_ accessKeyId: String, now: Date) -> Bool {
        recorded.withLock { table in
            if let last = table[accessKeyId], now.timeIntervalSince(last) < Self.interval { return false }
            if table.count >= Self.pruneAbove {
                table = table.filter { now.timeIntervalSince($0.value) < Self.interval }
            }
            table[accessKeyId] = now
            return true
        }
    }
}
