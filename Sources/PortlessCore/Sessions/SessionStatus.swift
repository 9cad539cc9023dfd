/// A session's status, spelled as SSM spells it.
public enum SessionStatus: String, Sendable, Codable, CaseIterable {
    case connected = "Connected"
    case connecting = "Connecting"
    case disconnected = "Disconnected"
    case terminated = "Terminated"
    case terminating = "Terminating"
    case failed = "Failed"

    /// Whether DescribeSessions lists the session under `State: Active` (else under `History`).
    public var isActive: Bool {
        switch self {
        case .connected, .connecting, .disconnected, .terminating: true
        case .terminated, .failed: false
        }
    }
}
