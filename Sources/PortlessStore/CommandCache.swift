import PortlessCore
import Synchronization

/// Command records already decoded, by ID, so that batched transitions do not decode a command
/// (with its plan) per batch. Only a command's `CommandCounters` change after it is stored, and
/// those are always read from the database, so what is cached here never goes stale; the store
/// drops an entry whenever it rewrites a whole record anyway. The oldest entries leave first.
final class CommandCache: Sendable {
    private let capacity: Int
    private let state = Mutex<(records: [String: CommandRecord], order: [String])>(([:], []))

    init(capacity: Int) { self.capacity = capacity }

    func record(_ id: String) -> CommandRecord? {
        state.withLock { $0.records[id] }
    }

    func insert(_ record: CommandRecord) {
        state.withLock { state in
            if state.records.updateValue(record, forKey: record.commandId) == nil { state.order.append(record.commandId) }
            if state.order.count > capacity { state.records[state.order.removeFirst()] = nil }
        }
    }

    func remove(_ id: String) {
        state.withLock { state in
            guard state.records.removeValue(forKey: id) != nil else { return }
            state.order.removeAll { $0 == id }
        }
    }
}
