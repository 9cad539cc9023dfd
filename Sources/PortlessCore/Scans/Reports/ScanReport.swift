public import Foundation

/// What a scan found across its nodes, ready to render: made by `ScanAnalysis.report`.
public struct ScanReport: Sendable, Codable, Hashable {
    /// Which scan the report is about.
    public struct Subject: Sendable, Codable, Hashable {
        /// Nil for a scan that ran on this machine without a server (`portless scan local`).
        public var scanId: String?
        public var name: String
        public var accountId: String?
        public var bundleSha256: String?
        public var startedAt: Date?
        public var finishedAt: Date?

        public init(scanId: String? = nil, name: String, accountId: String? = nil, bundleSha256: String? = nil,
                    startedAt: Date? = nil, finishedAt: Date? = nil) {
            self.scanId = scanId
            self.name = name
            self.accountId = accountId
            self.bundleSha256 = bundleSha256
            self.startedAt = startedAt
            self.finishedAt = finishedAt
        }

        public init(_ record: ScanRecord) {
            self.init(scanId: record.scanId, name: record.name, accountId: record.accountId, bundleSha256: record.bundleSha256,
                      startedAt: record.requestedAt, finishedAt: record.finishedAt)
        }
    }

    /// A node named in a check's summary or a change.
    public struct NodeRef: Sendable, Codable, Hashable {
        public var nodeId: String
        public var accountId: String
        public var hostname: String

        public init(nodeId: String, accountId: String, hostname: String) {
            self.nodeId = nodeId
            self.accountId = accountId
            self.hostname = hostname
        }
    }

    /// One check across the fleet.
    public struct CheckSummary: Sendable, Codable, Hashable {
        public var id: String
        public var id2026: String
        public var title: LocalizedText
        public var severity: CheckSeverity
        public var cis: String
        public var remedy: LocalizedText
        public var counts: StatusCounts
        /// The nodes where it failed, in node order.
        public var failingNodes: [NodeRef]
    }

    /// One node of the scan: where it stands and, once scanned, its results and score.
    public struct NodeSummary: Sendable, Codable, Hashable {
        public var node: NodeRef
        public var state: NodeScanState
        public var reason: String?
        public var scannedAt: Date?
        public var counts: StatusCounts
        /// See `ScanScore`; nil when the node was not scanned or nothing it ran was decided.
        public var score: Double?
        public var results: [CheckResult]
    }

    /// A check whose verdict on a node changed since the previous scan of the same targets.
    public struct Change: Sendable, Codable, Hashable {
        public var node: NodeRef
        public var checkId: String
        public var title: LocalizedText
        public var severity: CheckSeverity
        public var previous: CheckStatus
        public var current: CheckStatus
    }

    /// One scan's place in the trend.
    public struct TrendPoint: Sendable, Codable, Hashable {
        /// Nil for this report's own scan when it has no id.
        public var scanId: String?
        public var at: Date
        /// See `StatusCounts.passRate`.
        public var passRate: Double?
        public var failures: Int
        public var scannedNodes: Int

        public init(scanId: String?, at: Date, passRate: Double?, failures: Int, scannedNodes: Int) {
            self.scanId = scanId
            self.at = at
            self.passRate = passRate
            self.failures = failures
            self.scannedNodes = scannedNodes
        }
    }

    public var subject: Subject
    public var generatedAt: Date
    /// Every check any node ran, in check-id (bundle) order.
    public var checks: [CheckSummary]
    /// Every node of the scan, in the order given.
    public var nodes: [NodeSummary]
    /// All results of all scanned nodes.
    public var fleetCounts: StatusCounts
    /// The scanned nodes with the lowest scores, lowest first (at most `ScanAnalysis.worstNodeLimit`).
    public var worstNodes: [NodeSummary]
    /// Failing now, not failing in the previous scan; nil when there was no previous scan to compare with.
    public var newFailures: [Change]?
    /// Failing in the previous scan, passing (or no longer applicable) now; nil without a previous scan.
    public var fixed: [Change]?
    public var hygiene: [HygieneFinding]
    /// Earlier scans, oldest first, then this one.
    public var trend: [TrendPoint]

    /// The nodes that were not scanned or sent a malformed result.
    public var unscannedNodes: [NodeSummary] { nodes.filter { $0.state != .scanned } }
    public var scannedNodes: [NodeSummary] { nodes.filter { $0.state == .scanned } }
    /// This scan's own trend point, to keep for later reports.
    public var summaryPoint: TrendPoint { trend[trend.count - 1] }
}
