import PortlessCore

/// Every operation Portless serves, with its IAM action and resources. An operation missing here is denied.
enum OperationTable {
    /// The rule of `operation` of `service` (`ssm`, `organizations`, `iam`, `sts`); S3 requests are decided by `S3Access`.
    static func rule(service: String, operation: String) -> OperationRule? {
        switch service {
        case "ssm": ssm[operation]
        case "organizations": organizations[operation]
        case "iam": iam[operation]
        case "sts": sts[operation]
        default: nil
        }
    }

    /// Builds rules whose action is `prefix:Name` for each name, all on `resources`.
    static func same(_ prefix: String, _ names: [String], requestTagsField: String? = nil,
                     resources: @escaping OperationRule.Resources = { _ in [.any] }) -> [String: OperationRule] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, OperationRule("\(prefix):\($0)", requestTagsField: requestTagsField, resources: resources)) })
    }
}
