/// Where a scan's objects live: one bucket per account holding bundle versions and results, with one
/// result key per scan, account and node.
public enum ScanLocations {
    /// The bucket that holds `accountId`'s bundles and scan results.
    public static func bucket(accountId: String) -> String { "portless-scans-\(accountId)" }

    /// Whether `bucket` is a scan bucket (its writes are guarded by the scan service).
    public static func isScanBucket(_ bucket: String) -> Bool {
        bucket.hasPrefix("portless-scans-") && accountId(ofBucket: bucket) != nil
    }

    /// The account a scan bucket belongs to.
    public static func accountId(ofBucket bucket: String) -> String? {
        let id = bucket.dropFirst("portless-scans-".count)
        return bucket.hasPrefix("portless-scans-") && id.count == 12 && id.allSatisfy { $0.isASCII && $0.isNumber } ? String(id) : nil
    }

    /// The key of a bundle version.
    public static func bundleKey(sha256: String) -> String { "bundles/\(sha256).tar.gz" }

    /// The key one node's result is uploaded to.
    public static func resultKey(scanId: String, accountId: String, nodeId: String) -> String {
        "results/\(scanId)/\(accountId)/\(nodeId).ndjson"
    }

    /// What a result key names; nil for any other key.
    public static func result(key: String) -> (scanId: String, accountId: String, nodeId: String)? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "results", parts[3].hasSuffix(".ndjson") else { return nil }
        let nodeId = String(parts[3].dropLast(".ndjson".count))
        guard Identifiers.isScanID(String(parts[1])), parts[2].count == 12, parts[2].allSatisfy(\.isNumber),
              Identifiers.isNodeID(nodeId) else { return nil }
        return (String(parts[1]), String(parts[2]), nodeId)
    }

    /// The directory on a node the scan document works in.
    public static func workingDirectory(scanId: String) -> String { "/var/tmp/portless-scan/\(scanId)" }
}
