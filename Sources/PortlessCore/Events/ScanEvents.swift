public import Foundation

/// The events scans publish, in EventBridge's shape for source `portless.scan`.
public enum ScanEvents {
    public static let source = "portless.scan"
    public static let detailType = "Portless Scan Status-change Notification"

    /// A scan started or finished.
    public static func statusChanged(_ scan: ScanRecord, counts: [NodeScanState: Int], region: String, at time: Date) -> EventEnvelope {
        var detail: [String: JSONValue] = [
            "scan-id": .string(scan.scanId),
            "name": .string(scan.name),
            "status": .string(scan.status.rawValue),
            "bundle-sha256": .string(scan.bundleSha256),
            "nodes": .object(Dictionary(uniqueKeysWithValues: NodeScanState.allCases.map { ($0.rawValue, .number(Double(counts[$0, default: 0]))) })),
        ]
        if let associationId = scan.associationId { detail["association-id"] = .string(associationId) }
        if let executionId = scan.associationExecutionId { detail["association-execution-id"] = .string(executionId) }
        return EventEnvelope(detailType: detailType, source: source, account: scan.accountId, time: time, region: region,
                             resources: ["arn:aws:ssm:\(region):\(scan.accountId):scan/\(scan.scanId)"], detail: .object(detail))
    }
}
