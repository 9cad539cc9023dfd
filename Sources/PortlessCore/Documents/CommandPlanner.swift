/// Turns a document and SendCommand parameters into the steps each node runs.
public enum CommandPlanner {
    /// Validates `parameters`, applies defaults and interpolates every step.
    ///
    /// `{{ssm:name}}` references are replaced first by `references` (the values SendCommand resolved from Parameter
    /// Store); without them a command that has references is refused.
    /// In `aws:runShellScript`'s `runCommand`, a parameter declared `interpolationType: ENV_VAR`
    /// is replaced by `${SSM_<name>}` rather than its value, so the value never becomes shell text.
    public static func plan(_ document: CommandDocument, parameters: [String: [String]], references: [String: String]? = nil) throws -> CommandPlan {
        var document = document
        var parameters = parameters
        if let references {
            (document, parameters) = ParameterReferences.resolve(document, parameters: parameters, values: references)
        } else {
            try refuseParameterStoreReferences(in: document, parameters: parameters)
        }
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

    /// `{{ssm:name}}` is resolved by SendCommand alone (with the caller's permission to read the parameters): say so
    /// clearly where a document is planned without it (associations, nested documents).
    static func refuseParameterStoreReferences(in document: CommandDocument, parameters: [String: [String]]) throws {
        if !ParameterReferences.names(in: document, parameters: parameters).isEmpty {
            throw PortlessError(.invalidParameters, "Parameter Store references ({{ssm:name}}) are resolved only by SendCommand.", field: "Parameters")
        }
    }
}

/// What a command runs: resolved parameters, planned steps and the `SSM_<name>` environment.
public struct CommandPlan: Sendable, Hashable, Codable {
    public var parameters: [String: [String]]
    public var steps: [StepPlan]
    public var environment: [String: String]
}
