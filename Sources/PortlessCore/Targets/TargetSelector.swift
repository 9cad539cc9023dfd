/// Chooses the nodes a set of targets names: keys are ANDed, the values of one key ORed.
public struct TargetSelector: Sendable {
    /// The facts about a node that targets can match.
    public struct Candidate: Sendable {
        public var id: String
        public var tags: [String: String]
        public init(id: String, tags: [String: String]) {
            self.id = id
            self.tags = tags
        }
    }

    public static let maxTargets = 5
    public static let maxValues = 50

    public let targets: [Target]

    /// Checks the targets' shape, throwing `InvalidTarget` naming the entry at fault.
    public init(_ targets: [Target]) throws {
        guard !targets.isEmpty else { throw PortlessError(.invalidTarget, "Targets must not be empty.", field: "Targets") }
        guard targets.count <= Self.maxTargets else {
            throw PortlessError(.invalidTarget, "At most \(Self.maxTargets) targets may be given.", field: "Targets")
        }
        for (index, target) in targets.enumerated() {
            let field = "Targets[\(index)]"
            guard !target.values.isEmpty, target.values.count <= Self.maxValues else {
                throw PortlessError(.invalidTarget, "Target \(target.key) needs 1 to \(Self.maxValues) values.", field: "\(field).Values")
            }
            switch target.key {
            case "InstanceIds":
                for value in target.values where value != "*" && !Identifiers.isNodeID(value) {
                    throw PortlessError(.invalidTarget, "'\(value)' is not a managed node ID.", field: "\(field).Values")
                }
            case "tag-key":
                break
            case let key where key.hasPrefix("tag:") && key.count > 4 && key.count <= 132:
                break
            default:
                throw PortlessError(.invalidTarget, "Target key '\(target.key)' is not supported; use InstanceIds, tag:<key> or tag-key.",
                                    field: "\(field).Key")
            }
        }
        self.targets = targets
    }

    /// What the targets require of a node, one condition per target (none for `InstanceIds` `*`).
    public var conditions: [TargetCondition] { targets.compactMap(TargetCondition.init) }

    /// Whether every target matches `candidate`.
    public func matches(_ candidate: Candidate) -> Bool {
        conditions.allSatisfy { $0.isMet(by: candidate) }
    }
}
