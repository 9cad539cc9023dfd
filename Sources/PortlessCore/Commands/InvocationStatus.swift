/// The `Status` of one node's invocation of a command, spelled as SSM spells it.
public enum InvocationStatus: String, Sendable, Codable, CaseIterable {
    case pending = "Pending"
    case inProgress = "InProgress"
    case delayed = "Delayed"
    case success = "Success"
    case cancelled = "Cancelled"
    case timedOut = "TimedOut"
    case failed = "Failed"
    case cancelling = "Cancelling"

    public var isTerminal: Bool {
        switch self {
        case .success, .cancelled, .timedOut, .failed: true
        case .pending, .inProgress, .delayed, .cancelling: false
        }
    }

    /// The `StatusDetails` SSM shows for this status when nothing finer applies.
    public var defaultDetails: String {
        switch self {
        case .inProgress: "In Progress"
        default: rawValue
        }
    }
}
