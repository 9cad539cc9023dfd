public import Foundation

/// What the server sends an agent to run: one node's invocation of a command.
public struct InvocationOrder: Sendable, Hashable, Codable {
    public var commandId: String
    public var documentName: String
    public var steps: [StepPlan]
    /// `SSM_<name>` variables for every parameter.
    public var environment: [String: String]
    /// The agent does not start the invocation after this time.
    public var deliveryDeadline: Date

    public init(commandId: String, documentName: String, steps: [StepPlan], environment: [String: String], deliveryDeadline: Date) {
        self.commandId = commandId
        self.documentName = documentName
        self.steps = steps
        self.environment = environment
        self.deliveryDeadline = deliveryDeadline
    }
}
