public import Foundation

/// How one node's part of a scan ended.
public enum NodeScanState: String, Sendable, Codable, CaseIterable, Hashable {
    /// Waiting for its command or its upload.
    case pending = "Pending"
    /// Its result arrived and was parsed.
    case scanned = "Scanned"
    /// It was not scanned: offline, unreachable, its command failed or timed out, or the scan was cancelled (see the reason).
    case notScanned = "NotScanned"
    /// Its upload was not a result the bundle writes (see the reason); nothing in it is trusted.
    case malformed = "Malformed"
}

/// One node's part of a scan: where it stands and, once scanned, each check's result.
public struct NodeScanOutcome: Sendable, Codable, Hashable {
    public var nodeId: String
    public var accountId: String
    public var hostname: String
    public var state: NodeScanState
    /// Why the node was not scanned or its result was refused.
    public var reason: String?
    public var scannedAt: Date?
    public var results: [CheckResult]

    public init(nodeId: String, accountId: String, hostname: String, state: NodeScanState, reason: String? = nil,
                scannedAt: Date? = nil, results: [CheckResult] = []) {
        self.nodeId = nodeId
        self.accountId = accountId
        self.hostname = hostname
        self.state = state
        self.reason = reason
        self.scannedAt = scannedAt
        self.results = results
    }
}
