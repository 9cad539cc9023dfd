public import Foundation

/// Where a scan stands.
public enum ScanStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case inProgress = "InProgress"
    /// Every targeted node was scanned.
    case success = "Success"
    /// The scan finished, but some nodes were not scanned or sent a malformed result.
    case completedWithErrors = "CompletedWithErrors"
    /// No node could be scanned (or MaxErrors stopped it).
    case failed = "Failed"
    case cancelled = "Cancelled"

    public var isTerminal: Bool { self != .inProgress }
}

/// One account a scan reaches: the caller's own, or a member account through a role.
public struct ScanAccount: Sendable, Codable, Hashable {
    public var accountId: String
    /// The role assumed in this account (nil for the caller's own account).
    public var roleName: String?
    /// The Run Command command that carries the scan to this account's nodes.
    public var commandId: String?
    /// Why this account could not be scanned (AssumeRole refused, no nodes matched, ...).
    public var error: String?

    public init(accountId: String, roleName: String? = nil, commandId: String? = nil, error: String? = nil) {
        self.accountId = accountId
        self.roleName = roleName
        self.commandId = commandId
        self.error = error
    }
}

/// A fleet scan: the bundle version it runs, the accounts and targets it reaches, its window.
public struct ScanRecord: Sendable, Codable, Hashable {
    /// `scan-` and 17 hex digits.
    public var scanId: String
    /// The account that started the scan and holds its results.
    public var accountId: String
    public var name: String
    public var status: ScanStatus
    public var targets: [Target]
    public var accounts: [ScanAccount]
    public var bundleSha256: String
    public var requestedAt: Date
    /// Uploads are accepted until then; nodes not heard from by then are not scanned.
    public var windowEndsAt: Date
    public var finishedAt: Date?
    public var maxConcurrency: String
    public var maxErrors: String
    /// The State Manager association (and its execution) that started the scan, if one did.
    public var associationId: String?
    public var associationExecutionId: String?
    /// Who started it (an ARN).
    public var startedBy: String
    /// The finished scan's fleet figures, for the trend of later reports.
    public var trendPoint: ScanReport.TrendPoint?
    /// Uploads refused or not trusted (the latest 100).
    public var refusals: [ScanUploadRefusal] = []
    /// How many uploads were refused in all.
    public var refusalCount = 0

    /// Keeps a refusal, the latest 100 of them.
    public mutating func record(_ refusal: ScanUploadRefusal) {
        refusalCount += 1
        refusals.append(refusal)
        if refusals.count > 100 { refusals.removeFirst(refusals.count - 100) }
    }

    public init(scanId: String, accountId: String, name: String, status: ScanStatus, targets: [Target], accounts: [ScanAccount],
                bundleSha256: String, requestedAt: Date, windowEndsAt: Date, finishedAt: Date? = nil, maxConcurrency: String,
                maxErrors: String, associationId: String? = nil, associationExecutionId: String? = nil, startedBy: String) {
        self.scanId = scanId
        self.accountId = accountId
        self.name = name
        self.status = status
        self.targets = targets
        self.accounts = accounts
        self.bundleSha256 = bundleSha256
        self.requestedAt = requestedAt
        self.windowEndsAt = windowEndsAt
        self.finishedAt = finishedAt
        self.maxConcurrency = maxConcurrency
        self.maxErrors = maxErrors
        self.associationId = associationId
        self.associationExecutionId = associationExecutionId
        self.startedBy = startedBy
    }
}

/// A managed-node hygiene finding, as AWS Security Hub's control SSM.1 reports them.
public struct HygieneFinding: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        /// Registered, connected once, not connected now.
        case offline = "Offline"
        /// Registered but its agent never connected.
        case neverConnected = "NeverConnected"
        /// Not scanned within the window of the association that should scan it.
        case notScannedInWindow = "NotScannedInWindow"
    }

    public var nodeId: String
    public var accountId: String
    public var kind: Kind
    public var detail: String
    /// When the node was last seen or last scanned, where known.
    public var since: Date?

    public init(nodeId: String, accountId: String, kind: Kind, detail: String, since: Date? = nil) {
        self.nodeId = nodeId
        self.accountId = accountId
        self.kind = kind
        self.detail = detail
        self.since = since
    }
}
