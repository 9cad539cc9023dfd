public import Foundation

/// What an agent reports for one invocation: overall outcome and each step's result.
public struct InvocationReport: Sendable, Hashable, Codable {
    public var commandId: String
    public var status: InvocationStatus
    public var statusDetails: String
    public var responseCode: Int
    public var startedAt: Date?
    public var finishedAt: Date?
    public var steps: [StepReport]

    public init(commandId: String, status: InvocationStatus, statusDetails: String, responseCode: Int,
                startedAt: Date?, finishedAt: Date?, steps: [StepReport]) {
        self.commandId = commandId
        self.status = status
        self.statusDetails = statusDetails
        self.responseCode = responseCode
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.steps = steps
    }
}

/// One step's result (a "plugin" in SSM's replies).
public struct StepReport: Sendable, Hashable, Codable {
    public var name: String
    public var status: InvocationStatus
    public var statusDetails: String
    public var responseCode: Int
    public var startedAt: Date?
    public var finishedAt: Date?
    public var stdout: String
    public var stderr: String

    public init(name: String, status: InvocationStatus, statusDetails: String, responseCode: Int,
                startedAt: Date?, finishedAt: Date?, stdout: String, stderr: String) {
        self.name = name
        self.status = status
        self.statusDetails = statusDetails
        self.responseCode = responseCode
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.stdout = stdout
        self.stderr = stderr
    }
}
