public import Foundation

/// Storage of check bundles, scans, each node's outcome and each check's result.
public protocol ScanStore: Sendable {
    /// Stores a bundle version; storing one the account already has changes nothing.
    func insertBundle(_ bundle: BundleRecord) async throws
    func bundle(accountId: String, sha256: String) async throws -> BundleRecord?
    /// The account's bundle versions, newest first.
    func bundles(accountId: String) async throws -> [BundleRecord]

    /// Stores a new scan with its nodes (each `Pending` or already decided).
    func insertScan(_ scan: ScanRecord, nodes: [NodeScanOutcome]) async throws
    func scan(id: String) async throws -> ScanRecord?
    /// The account's scans, newest first.
    func scans(accountId: String, offset: Int, limit: Int) async throws -> [ScanRecord]
    /// Scans not yet finished, oldest first.
    func openScans() async throws -> [ScanRecord]
    /// Records that a Run Command command carries part of a scan.
    func linkScanCommand(commandId: String, scanId: String) async throws
    /// The scan a Run Command command belongs to.
    func scanId(commandId: String) async throws -> String?
    /// The finished scans of the same account, targets and accounts as `scan`, started before it, newest first.
    func earlierScans(of scan: ScanRecord, limit: Int) async throws -> [ScanRecord]
    /// When each of `nodeIds` was last scanned (nodes never scanned are absent).
    func lastScanned(nodeIds: [String]) async throws -> [String: Date]
    /// Reads a scan, lets `body` change it, writes it back, atomically.
    func modifyScan<T: Sendable>(id: String, _ body: @Sendable (inout ScanRecord) throws -> T) async throws -> (scan: ScanRecord, result: T)?

    /// One node of a scan, without its check results.
    func scanNode(scanId: String, nodeId: String) async throws -> NodeScanOutcome?
    /// Every node of a scan with its check results.
    func scanNodes(scanId: String) async throws -> [NodeScanOutcome]
    /// Sets a node's outcome (and stores its check results) only if it is still `Pending`; false when it was not.
    func settleScanNode(scanId: String, outcome: NodeScanOutcome) async throws -> Bool
    /// How many of a scan's nodes are in each state.
    func scanNodeCounts(scanId: String) async throws -> [NodeScanState: Int]
}
