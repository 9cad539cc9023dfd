import PortlessCore

extension OperationTable {
    /// The `Portless.*` operations: scans and bundles, actions `portless:NAME` on the account's scans.
    static let portless: [String: OperationRule] = same("portless", ["StartScan", "GetScan", "ListScans", "CancelScan", "GetScanReport",
                                                                     "PutScanBundle", "ListScanBundles"])
}
