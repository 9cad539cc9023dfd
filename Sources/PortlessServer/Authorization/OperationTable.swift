import PortlessCore

/// Every operation Portless serves, with its IAM action and resources. An operation missing here is denied.
enum OperationTable {
    /// The rule of `operation` of `service` (`ssm`, `organizations`, `iam`, `sts`, `portless`, `kms`, `cloudtrail`, `events`, `logs`); S3 requests are decided by `S3Access`.
    static func rule(service: String, operation: String) -> OperationRule? {
        switch service {
        case "ssm": ssm[operation]
        case "organizations": organizations[operation]
        case "iam": iam[operation]
        case "sts": sts[operation]
        case "portless": portless[operation]
        case "logs": logs[operation]
        case "cloudtrail": cloudTrail[operation]
        case "kms": kms[operation]
        case "events": events[operation]
        default: nil
        }
    }

    /// Rules whose action is `prefix:Name` for each name, on no particular resource (`*`).
    static func same(_ prefix: String, _ names: [String]) -> [String: OperationRule] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, OperationRule("\(prefix):\($0)")) })
    }
}
