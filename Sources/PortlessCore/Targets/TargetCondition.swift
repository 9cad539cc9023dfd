/// One condition a SendCommand target puts on a node; a node is chosen when it meets every
/// condition of the request (keys ANDed), and each condition is met by any of its values (ORed).
public enum TargetCondition: Sendable, Hashable {
    /// The node's ID is one of these.
    case instanceIds([String])
    /// The node has tag `key` with one of `values` (exact, case-sensitive).
    case tag(key: String, values: [String])
    /// The node has a tag with one of these keys, whatever its value.
    case tagKey([String])

    /// The condition a (validated) target stands for; nil for `InstanceIds` with `*`, which every node meets.
    init?(_ target: Target) {
        switch target.key {
        case "InstanceIds":
            if target.values.contains("*") { return nil }
            self = .instanceIds(target.values)
        case "tag-key":
            self = .tagKey(target.values)
        default:
            self = .tag(key: String(target.key.dropFirst(4)), values: target.values)
        }
    }

    /// Whether `candidate` meets the condition.
    public func isMet(by candidate: TargetSelector.Candidate) -> Bool {
        switch self {
        case .instanceIds(let ids): return ids.contains(candidate.id)
        case .tagKey(let keys): return keys.contains { candidate.tags[$0] != nil }
        case .tag(let key, let values): return candidate.tags[key].map(values.contains) ?? false
        }
    }
}
