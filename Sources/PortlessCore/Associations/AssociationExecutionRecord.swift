public import Foundation

/// One run of an association: what it ran on (its targets' statuses) and what ran it (`outputSourceId`, e.g. the
/// Run Command command).
public struct AssociationExecutionRecord: Sendable, Codable, Hashable {
    public var executionId: String
    public var associationId: String
    public var associationVersion: Int
    public var accountId: String
    public var status: AssociationExecutionStatus
    public var detailedStatus: String
    public var createdTime: Date
    public var lastExecutionDate: Date?
    /// The ID of what the runner started (a command ID for Run Command).
    public var outputSourceId: String?
    /// What kind of thing `outputSourceId` names (`RunCommand`).
    public var outputSourceType: String?
    public var targets: [AssociationExecutionTarget]

    public init(executionId: String, associationId: String, associationVersion: Int, accountId: String, createdTime: Date) {
        self.executionId = executionId
        self.associationId = associationId
        self.associationVersion = associationVersion
        self.accountId = accountId
        self.status = .pending
        self.detailedStatus = "Pending"
        self.createdTime = createdTime
        self.targets = []
    }

    /// How many targets are in each status.
    public var countsByStatus: [String: Int] {
        targets.reduce(into: [:]) { $0[$1.status.rawValue, default: 0] += 1 }
    }

    /// `ResourceCountByStatus` as SSM writes it: `{Failed=1, Success=2}`.
    public var resourceCountByStatus: String {
        "{" + countsByStatus.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
    }

    /// Sets the targets and rolls their statuses up: in progress while any target is, then failed if any failed.
    public mutating func update(targets: [AssociationExecutionTarget], at date: Date) {
        self.targets = targets
        let statuses = Set(targets.map(\.status))
        if statuses.contains(.pending) || statuses.contains(.inProgress) {
            status = .inProgress
        } else if statuses.contains(.failed) {
            status = .failed
        } else {
            status = .success
        }
        detailedStatus = status.rawValue
        if status.isTerminal { lastExecutionDate = targets.compactMap(\.lastExecutionDate).max() ?? date }
    }
}

/// One target (node) of an association execution.
public struct AssociationExecutionTarget: Sendable, Codable, Hashable {
    public static let managedInstance = "ManagedInstance"

    public var resourceId: String
    public var resourceType: String
    public var status: AssociationExecutionStatus
    /// The finer status: the node's invocation status (`Success`, `Failed`, `TimedOut`, `Cancelled`, …).
    public var detailedStatus: String
    public var lastExecutionDate: Date?

    public init(resourceId: String, resourceType: String = Self.managedInstance, status: AssociationExecutionStatus,
                detailedStatus: String, lastExecutionDate: Date?) {
        self.resourceId = resourceId
        self.resourceType = resourceType
        self.status = status
        self.detailedStatus = detailedStatus
        self.lastExecutionDate = lastExecutionDate
    }
}

extension AssociationExecutionTarget {
    /// A node's target status from its Run Command invocation: cancelled and timed-out invocations failed the target.
    public init(invocation: InvocationRecord) {
        let status: AssociationExecutionStatus = switch invocation.status {
        case .pending, .delayed: .pending
        case .inProgress, .cancelling: .inProgress
        case .success: .success
        case .failed, .timedOut, .cancelled: .failed
        }
        self.init(resourceId: invocation.instanceId, status: status, detailedStatus: invocation.status.rawValue,
                  lastExecutionDate: invocation.finishedAt ?? invocation.startedAt)
    }
}
