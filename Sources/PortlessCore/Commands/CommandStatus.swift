/// The `Status` of a command, spelled as SSM spells it.
public enum CommandStatus: String, Sendable, Codable, CaseIterable {
    case pending = "Pending"
    case inProgress = "InProgress"
    case success = "Success"
    case cancelled = "Cancelled"
    case failed = "Failed"
    case timedOut = "TimedOut"
    case cancelling = "Cancelling"

    public var isTerminal: Bool {
        switch self {
        case .success, .cancelled, .failed, .timedOut: true
        case .pending, .inProgress, .cancelling: false
        }
    }
}
