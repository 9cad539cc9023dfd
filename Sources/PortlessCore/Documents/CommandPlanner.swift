/// Turns a document and SendCommand parameters into the steps each node runs.
public enum CommandPlanner {
    /// Validates `parameters`, applies defaults and interpolates every step.
    public static func plan(_ document: CommandDocument, parameters: [String: [String]]) throws -> CommandPlan {
        let resolved = try ParameterValidator.resolve(parameters, for: document)
        let typed = Interpolator.typedValues(resolved, for: document)
        let steps = document.mainSteps.map { step in
            StepPlan(name: step.name, action: step.action,
                     inputs: Interpolator.interpolate(step.inputs, with: typed),
                     precondition: step.precondition.map { Interpolator.interpolate($0, with: typed) })
        }
        let environment = resolved.reduce(into: [String: String]()) { env, entry in
            env["SSM_\(entry.key)"] = entry.value.joined(separator: ",")
        }
        return CommandPlan(parameters: resolved, steps: steps, environment: environment)
    }
}

/// What a command runs: resolved parameters, planned steps and the `SSM_<name>` environment.
public struct CommandPlan: Sendable, Hashable, Codable {
    public var parameters: [String: [String]]
    public var steps: [StepPlan]
    public var environment: [String: String]
}
