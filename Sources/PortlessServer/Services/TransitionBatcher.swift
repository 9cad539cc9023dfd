import PortlessCore

/// Groups invocation status changes that arrive together into one store transaction.
///
/// The first caller while nothing is being written becomes the writer: it writes its own change
/// and every change that queued up meanwhile, batch after batch, then returns; the others wait
/// for their result. A lone change is written at once; under load, changes share transactions.
actor TransitionBatcher {
    typealias Change = @Sendable (inout InvocationRecord, inout CommandRecord) -> TransitionResult
    typealias Outcome = (invocation: InvocationRecord, command: CommandRecord, result: TransitionResult)

    /// What one change did.
    struct TransitionResult: Sendable {
        var changed: Bool
        var commandChanged: Bool
    }

    private struct Pending {
        var key: InvocationKey
        var change: Change
        var continuation: CheckedContinuation<Outcome?, any Error>
    }

    static let maxBatch = 512

    private let store: any Store
    private var pending: [Pending] = []
    private var writing = false

    init(store: any Store) { self.store = store }

    func submit(_ key: InvocationKey, _ change: @escaping Change) async throws -> Outcome? {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(key: key, change: change, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.maxBatch))
            pending.removeFirst(batch.count)
            let changes = batch.map(\.change)
            do {
                let results = try await store.modifyInvocations(batch.map(\.key)) { index, invocation, command in
                    changes[index](&invocation, &command)
                }
                for (item, result) in zip(batch, results) { item.continuation.resume(returning: result) }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}
