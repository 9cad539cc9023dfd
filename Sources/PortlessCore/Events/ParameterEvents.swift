public import Foundation

/// The "Parameter Store Change" events SSM publishes (source `aws.ssm`).
public enum ParameterEvents {
    public static let detailType = "Parameter Store Change"

    /// What happened to a parameter, as the event's `operation` names it.
    public enum Operation: String, Sendable {
        case create = "Create"
        case update = "Update"
        case delete = "Delete"
        case labelParameterVersion = "LabelParameterVersion"
    }

    /// The event for `record` (the version written, or the one deleted).
    public static func changed(_ operation: Operation, _ record: ParameterRecord, region: String, at time: Date) -> EventEnvelope {
        var detail: [String: JSONValue] = [
            "operation": .string(operation.rawValue),
            "name": .string(record.name),
            "type": .string(record.type.rawValue),
        ]
        if let description = record.description { detail["description"] = .string(description) }
        let arn = ParameterNames.arn(region: region, account: record.accountId, name: record.name)
        return EventEnvelope(detailType: detailType, source: "aws.ssm", account: record.accountId, time: time, region: region,
                             resources: [arn], detail: .object(detail))
    }
}
