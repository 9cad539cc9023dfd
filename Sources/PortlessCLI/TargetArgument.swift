import ArgumentParser
import PortlessCore

/// `--targets tag:role=web` or `--targets tag:role=web,app` or `--targets InstanceIds=mi-1,mi-2`.
struct TargetArgument: ExpressibleByArgument, Sendable {
    var target: Target

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        let values = argument[argument.index(after: equals)...].split(separator: ",").map(String.init)
        guard !values.isEmpty else { return nil }
        target = Target(key: String(argument[..<equals]), values: values)
    }
}
