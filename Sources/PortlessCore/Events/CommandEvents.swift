public import Foundation

/// The events SSM publishes for Run Command, in EventBridge's shape for source `aws.ssm`.
public enum CommandEvents {
    public static let commandDetailType = "EC2 Command Status-change Notification"
    public static let invocationDetailType = "EC2 Command Invocation Status-change Notification"

    /// A command's status changed.
    public static func commandStatusChanged(_ command: CommandRecord, region: String, at time: Date) -> EventEnvelope {
        var detail: [String: JSONValue] = [
            "command-id": .string(command.commandId),
            "document-name": .string(command.documentName),
            "expire-after": .string(timestamp(command.expiresAfter)),
            "parameters": .object(command.parameters.mapValues { .array($0.map(JSONValue.string)) }),
            "requested-date-time": .string(timestamp(command.requestedDateTime)),
            "status": .string(command.status.rawValue),
            "status-details": .string(command.statusDetails),
        ]
        if !command.instanceIds.isEmpty { detail["instance-ids"] = .array(command.instanceIds.map(JSONValue.string)) }
        let resources = command.instanceIds.map { ARN.managedInstance(region: region, account: command.accountId, id: $0) }
        return EventEnvelope(detailType: commandDetailType, source: "aws.ssm", account: command.accountId, time: time,
                             region: region, resources: resources, detail: .object(detail))
    }

    /// One node's invocation changed status.
    public static func invocationStatusChanged(_ invocation: InvocationRecord, command: CommandRecord, region: String,
                                               at time: Date) -> EventEnvelope {
        let detail: [String: JSONValue] = [
            "command-id": .string(invocation.commandId),
            "document-name": .string(command.documentName),
            "instance-id": .string(invocation.instanceId),
            "requested-date-time": .string(timestamp(invocation.requestedDateTime)),
            "status": .string(invocation.status.rawValue),
            "status-details": .string(invocation.statusDetails),
        ]
        return EventEnvelope(detailType: invocationDetailType, source: "aws.ssm", account: command.accountId, time: time,
                             region: region, resources: [ARN.managedInstance(region: region, account: command.accountId, id: invocation.instanceId)],
                             detail: .object(detail))
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
