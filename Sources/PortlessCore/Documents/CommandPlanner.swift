/// Turns a document and SendCommand parameters into the steps each node runs.
public enum CommandPlanner {
    /// Validates `parameters`, applies defaults and interpolates every step.
    ///
    /// In `aws:runShellScript`'s `runCommand`, a parameter declared `interpolationType: ENV_VAR`
    /// is replaced by `${SSM_<name>}` rather than its value, so the value never becomes shell text.
    public static func plan(_ document: CommandDocument, parameters: [String: [String]]) throws -> CommandPlan {
        try refuseParameterStoreReferences(in: document, parameters: parameters)
        let resolved = try ParameterValidator.resolve(parameters, for: document)
        let typed = resolved.mapValues(\.typed)
        var shellTyped = typed
        for (name, declaration) in document.parameters where declaration.isEnvironmentOnly {
            shellTyped[name] = .string("${SSM_\(name)}")
        }
        let steps = document.mainSteps.map { step in
            var inputs = Interpolator.interpolate(step.inputs, with: typed)
            if step.action == "aws:runShellScript", case .object(var members) = inputs, let script = step.inputs["runCommand"] {
                members["runCommand"] = Interpolator.interpolate(script, with: shellTyped)
                inputs = .object(members)
            }
            return StepPlan(name: step.name, action: step.action, inputs: inputs,
                            precondition: step.precondition.map { Interpolator.interpolate($0, with: typed) })
        }
        let environment = Dictionary(uniqueKeysWithValues: typed.map { ("SSM_\($0.key)", ParameterValues.environmentText(of: $0.value)) })
        return CommandPlan(parameters: resolved.mapValues(\.values), steps: steps, environment: environment)
    }

    /// `{{ssm:name}}` needs Parameter Store, which this server does not have yet: say so clearly.
    static func refuseParameterStoreReferences(in document: CommandDocument, parameters: [String: [String]]) throws {
        let defaults = document.parameters.values.compactMap(\.defaultValues).flatMap { $0 }
        let texts = parameters.values.flatMap { $0 } + defaults + document.mainSteps.map { "\($0.inputs)" }
        if texts.contains(where: { $0.contains("{{ssm:") || $0.contains("{{ ssm:") }) {
            throw PortlessError(.invalidParameters, "Parameter Store references ({{ssm:name}}) cannot be resolved: this server has no Parameter Store yet.",
                                field: "Parameters")
        }
    }
}

/// What a command runs: resolved parameters, planned steps and the `SSM_<name>` environment.
public struct CommandPlan: Sendable, Hashable, Codable {
    public var parameters: [String: [String]]
    public var steps: [StepPlan]
    public var environment: [String: String]
}
