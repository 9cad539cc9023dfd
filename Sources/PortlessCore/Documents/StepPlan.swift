/// A document step ready to run on a node: inputs interpolated, precondition kept for the agent to decide.
public struct StepPlan: Sendable, Hashable, Codable {
    public var name: String
    public var action: String
    public var inputs: JSONValue
    public var precondition: JSONValue?
    /// For `aws:runDocument`: the nested document's planned steps, resolved by the server.
    public var nested: [StepPlan]?
    /// For `aws:runDocument`: the nested document's `SSM_<name>` environment.
    public var nestedEnvironment: [String: String]?

    public init(name: String, action: String, inputs: JSONValue, precondition: JSONValue?) {
        self.name = name
        self.action = action
        self.inputs = inputs
        self.precondition = precondition
    }

    /// The plugin name SSM reports for the step (its `name`).
    public var pluginName: String { name }
}
