import Foundation
import Logging
import PortlessCore
import PortlessStore

/// Target resolution alone, in this process, on the server's database file after the server has
/// stopped: the store's indexed query (what SendCommand runs) beside the way SendCommand used to
/// resolve targets (every node and every tag read, then filtered with `TargetSelector`), each
/// `rounds` times, both checked to choose the same nodes.
struct StoreResolutionMeasurement {
    let databasePath: String
    let rounds: Int

    /// Fills in `indexedMs` and `scanMs` of each result (matched to `cases` by position).
    func run(_ cases: [TargetCase], results: [TargetsResult]) async throws -> [TargetsResult] {
        let store = try await SQLStore.openSQLite(path: databasePath, logger: Logger(label: "portless.bench.store"))
        do {
            guard let accountId = try await store.rootAccountId() else { throw BenchError("no root account in \(databasePath)") }
            var measured = results
            for (index, target) in cases.enumerated() {
                let selector = try TargetSelector(target.targets)
                for _ in 0..<rounds {
                    var start = ContinuousClock.now
                    let indexed = try await store.targetNodes(accountId: accountId, meeting: selector.conditions).map(\.instanceId)
                    measured[index].indexedMs.append((ContinuousClock.now - start).seconds * 1000)
                    start = ContinuousClock.now
                    let scanned = try await Self.readAllAndFilter(store, accountId: accountId, selector: selector)
                    measured[index].scanMs.append((ContinuousClock.now - start).seconds * 1000)
                    guard indexed == scanned, indexed.count == target.expected else {
                        throw BenchError("\(target.name): the indexed query chose \(indexed.count) nodes, reading all chose \(scanned.count)")
                    }
                }
                log(measured[index].summary())
            }
            try await store.close()
            return measured
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// SendCommand's resolution before migration 4: every node and tag of the account, filtered here.
    private static func readAllAndFilter(_ store: SQLStore, accountId: String, selector: TargetSelector) async throws -> [String] {
        let nodes = try await store.nodes(accountId: accountId)
        let tags = try await store.allTags(resourceType: "ManagedInstance")
        return nodes.filter { node in
            let nodeTags = Dictionary((tags[node.instanceId] ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            return selector.matches(.init(id: node.instanceId, tags: nodeTags))
        }.map(\.instanceId)
    }
}
