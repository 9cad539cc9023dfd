/// An association's status name (`AssociationStatusName`): what its last execution came to.
public enum AssociationStatusName: String, Sendable, Codable, Hashable, CaseIterable {
    case pending = "Pending", success = "Success", failed = "Failed"
}

/// An association execution's `Status`, and the `Status` of each of its targets.
public enum AssociationExecutionStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case pending = "Pending", inProgress = "InProgress", success = "Success", failed = "Failed"

    public var isTerminal: Bool { self == .success || self == .failed }
}

/// An association's `Overview`: its last execution's status, with how many targets ended in each status.
public struct AssociationOverview: Sendable, Codable, Hashable {
    public var status: AssociationStatusName
    public var detailedStatus: String
    public var counts: [String: Int]

    public init(status: AssociationStatusName, detailedStatus: String, counts: [String: Int]) {
        self.status = status
        self.detailedStatus = detailedStatus
        self.counts = counts
    }

    /// Before the first execution, as SSM shows a new association.
    public static let creating = AssociationOverview(status: .pending, detailedStatus: "Creating", counts: [:])

    /// The overview an execution gives its association.
    public init(_ execution: AssociationExecutionRecord) {
        let status: AssociationStatusName = switch execution.status {
        case .success: .success
        case .failed: .failed
        case .pending, .inProgress: .pending
        }
        self.init(status: status, detailedStatus: execution.detailedStatus, counts: execution.countsByStatus)
    }
}
