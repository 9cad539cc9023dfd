import PortlessCore
import Synchronization

/// Compiled policies by kind and text: a document is parsed once however many principals it applies to.
final class PolicyCompileCache: Sendable {
    private struct Key: Hashable {
        var kind: PolicyKind
        var name: String
        var document: String
    }

    static let capacity = 4096
    private let entries = Mutex<[Key: Policy]>([:])

    /// The compiled policy, or nil for a stored document the parser refuses (it then allows nothing).
    func policy(_ document: String, kind: PolicyKind, name: String) -> Policy? {
        let key = Key(kind: kind, name: name, document: document)
        if let cached = entries.withLock({ $0[key] }) { return cached }
        guard let policy = try? Policy(json: document, kind: kind, name: name) else { return nil }
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = policy
        }
        return policy
    }
}
