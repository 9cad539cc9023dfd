public import Foundation

/// When and by what a resource's compliance items were produced.
public struct ComplianceExecutionSummary: Sendable, Codable, Hashable {
    public var executionTime: Date
    /// E.g. a command ID or scan ID.
    public var executionId: String?
    /// E.g. `Command`.
    public var executionType: String?

    public init(executionTime: Date, executionId: String? = nil, executionType: String? = nil) {
        self.executionTime = executionTime
        self.executionId = executionId
        self.executionType = executionType
    }
}
