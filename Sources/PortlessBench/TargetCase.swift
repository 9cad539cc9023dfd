import PortlessCore

/// One way of naming nodes in SendCommand's `Targets`, and how many of the bench fleet it names.
struct TargetCase: Sendable {
    /// The row key in the results table.
    var name: String
    var targets: JSONValue
    var expected: Int

    /// Nodes tagged `Canary=yes` by the bench (the first ten), beside the fleet's own tags.
    static let canaries = 10

    /// The cases timed against a fleet of `nodes`, whose first `canaries` node IDs are `canaryIds`.
    static func all(nodes: Int, canaryIds: [String]) -> [TargetCase] {
        let groupSize = Fleet.registrationsPerActivation
        return [
            TargetCase(name: "tag:Canary=yes", targets: targets([("tag:Canary", ["yes"])]), expected: canaryIds.count),
            TargetCase(name: "tag-key=Canary", targets: targets([("tag-key", ["Canary"])]), expected: canaryIds.count),
            TargetCase(name: "InstanceIds=<\(canaryIds.count) IDs>", targets: targets([("InstanceIds", canaryIds)]), expected: canaryIds.count),
            TargetCase(name: "tag:Env=prod AND tag:Group=g0,g1", targets: targets([("tag:Env", ["prod"]), ("tag:Group", ["g0", "g1"])]),
                       expected: min(nodes, groupSize)),
            TargetCase(name: "InstanceIds=*", targets: targets([("InstanceIds", ["*"])]), expected: nodes),
        ]
    }

    private static func targets(_ entries: [(key: String, values: [String])]) -> JSONValue {
        .array(entries.map { .object(["Key": .string($0.key), "Values": .array($0.values.map(JSONValue.string))]) })
    }
}
