import PortlessCore

/// One way of naming nodes in SendCommand's `Targets`, and how many of the bench fleet it names.
struct TargetCase: Sendable {
    /// The row key in the results table.
    var name: String
    var targets: [Target]
    var expected: Int

    /// Nodes tagged `Canary=yes` by the bench (the first ten), beside the fleet's own tags.
    static let canaries = 10

    /// The cases timed against a fleet of `nodes`, whose first `canaries` node IDs are `canaryIds`.
    static func all(nodes: Int, canaryIds: [String]) -> [TargetCase] {
        [
            TargetCase(name: "tag:Canary=yes", targets: [Target(key: "tag:Canary", values: ["yes"])], expected: canaryIds.count),
            TargetCase(name: "tag-key=Canary", targets: [Target(key: "tag-key", values: ["Canary"])], expected: canaryIds.count),
            TargetCase(name: "InstanceIds (\(canaryIds.count) IDs)", targets: [Target(key: "InstanceIds", values: canaryIds)],
                       expected: canaryIds.count),
            TargetCase(name: "tag:Env=prod AND tag:Group=g0,g1",
                       targets: [Target(key: "tag:Env", values: ["prod"]), Target(key: "tag:Group", values: ["g0", "g1"])],
                       expected: min(nodes, Fleet.registrationsPerActivation)),
            TargetCase(name: "InstanceIds=*", targets: [Target(key: "InstanceIds", values: ["*"])], expected: nodes),
        ]
    }

    /// `Targets` as SendCommand takes it.
    var json: JSONValue {
        .array(targets.map { .object(["Key": .string($0.key), "Values": .array($0.values.map(JSONValue.string))]) })
    }
}
