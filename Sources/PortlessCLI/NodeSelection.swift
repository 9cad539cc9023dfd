import ArgumentParser
import PortlessCore

/// Which nodes a command reaches: by tag targets, by ID, or all of them — exactly one way.
struct NodeSelection: ParsableArguments {
    @Option(help: "Target as KEY=VALUE[,VALUE...], e.g. tag:role=web. Repeat to AND several.")
    var targets: [TargetArgument] = []

    @Option(name: .customLong("instance-ids"), help: "Comma-separated node IDs.")
    var instanceIds: String?

    @Flag(help: "Every node.")
    var all = false

    func validate() throws {
        let ways = [!targets.isEmpty, instanceIds != nil, all].filter { $0 }.count
        guard ways == 1 else { throw ValidationError("Choose nodes with exactly one of --targets, --instance-ids or --all.") }
    }

    /// The node IDs given with `--instance-ids`.
    var ids: [String]? { instanceIds.map { $0.split(separator: ",").map(String.init) } }

    /// The selection as SSM `Targets` (IDs as the `InstanceIds` key, all as `InstanceIds=*`).
    var asTargets: [Target] {
        if let ids { return [Target(key: "InstanceIds", values: ids)] }
        return all ? [Target(key: "InstanceIds", values: ["*"])] : targets.map(\.target)
    }

    /// `Targets` as JSON.
    static func json(_ targets: [Target]) -> JSONValue {
        .array(targets.map { .object(["Key": .string($0.key), "Values": .array($0.values.map(JSONValue.string))]) })
    }
}
