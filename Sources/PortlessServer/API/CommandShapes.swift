import Foundation
import PortlessCore

/// `AmazonSSM.SendCommand` input.
struct SendCommandRequest: Decodable, Sendable {
    var instanceIds: [String]?
    var targets: [Target]?
    var documentName: String
    var documentVersion: String?
    var documentHash: String?
    var documentHashType: String?
    var timeoutSeconds: Int?
    var comment: String?
    var parameters: [String: [String]]?
    var outputS3BucketName: String?
    var outputS3KeyPrefix: String?
    var maxConcurrency: String?
    var maxErrors: String?
    var cloudWatchOutputConfig: CloudWatchOutputConfigShape?

    enum CodingKeys: String, CodingKey {
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
        case instanceIds = "InstanceIds", targets = "Targets", documentName = "DocumentName"
        case documentVersion = "DocumentVersion", documentHash = "DocumentHash", documentHashType = "DocumentHashType"
        case timeoutSeconds = "TimeoutSeconds", comment = "Comment"
        case parameters = "Parameters", outputS3BucketName = "OutputS3BucketName", outputS3KeyPrefix = "OutputS3KeyPrefix"
        case maxConcurrency = "MaxConcurrency", maxErrors = "MaxErrors"
    }

    /// Field checks SSM makes before looking at documents or nodes.
    func validate() throws {
        switch (instanceIds, targets) {
        case (nil, nil):
            throw PortlessError(.invalidParameters, "Either InstanceIds or Targets must be given.", field: "InstanceIds")
        case (.some, .some):
            throw PortlessError(.invalidParameters, "InstanceIds and Targets cannot both be given.", field: "Targets")
        default:
            break
        }
        if let ids = instanceIds {
            guard !ids.isEmpty else { throw PortlessError(.validation, "InstanceIds must hold 1 to 50 node IDs.", field: "InstanceIds") }
            guard ids.count <= 50 else {
                throw ConstraintViolation.error(.validation, value: ConstraintViolation.list(ids), field: "InstanceIds", .maxLength(50))
            }
            for id in ids where !Identifiers.isNodeID(id) {
                throw PortlessError(.invalidInstanceId, "'\(id)' is not a valid managed node ID.", field: "InstanceIds")
            }
        }
        if let timeout = timeoutSeconds, !(30...2_592_000).contains(timeout) {
            throw ConstraintViolation.error(.validation, value: String(timeout), field: "TimeoutSeconds",
                                            timeout < 30 ? .minValue(30) : .maxValue(2_592_000))
        }
        if let documentHashType, documentHashType != "Sha256" {
            throw PortlessError(.invalidParameters, "DocumentHashType must be Sha256 (Sha1 is not supported).", field: "DocumentHashType")
        }
        if let comment, comment.count > 100 {
            throw ConstraintViolation.error(.validation, value: comment, field: "Comment", .maxLength(100))
        }
        if let maxConcurrency, !RatePattern.isConcurrency(maxConcurrency) {
            throw RatePattern.violation(maxConcurrency, field: "MaxConcurrency", pattern: RatePattern.concurrencyPattern)
        }
        if let maxErrors, !RatePattern.isErrorLimit(maxErrors) {
            throw RatePattern.violation(maxErrors, field: "MaxErrors", pattern: RatePattern.errorLimitPattern)
        }
    }
}

/// `AmazonSSM.CancelCommand` input.
struct CancelCommandRequest: Decodable, Sendable {
    var commandId: String
    var instanceIds: [String]?
    enum CodingKeys: String, CodingKey { case commandId = "CommandId", instanceIds = "InstanceIds" }
}

/// `AmazonSSM.GetCommandInvocation` input.
struct GetCommandInvocationRequest: Decodable, Sendable {
    var commandId: String
    var instanceId: String
    var pluginName: String?
    enum CodingKeys: String, CodingKey { case commandId = "CommandId", instanceId = "InstanceId", pluginName = "PluginName" }
}

/// A `ListCommands` / `ListCommandInvocations` filter (`key`/`value`, lower-case on the wire).
struct CommandFilter: Decodable, Sendable {
    var key: String
    var value: String
}

/// `AmazonSSM.ListCommands` and `AmazonSSM.ListCommandInvocations` input.
struct ListCommandsRequest: Decodable, Sendable {
    var commandId: String?
    var instanceId: String?
    var maxResults: Int?
    var nextToken: String?
    var filters: [CommandFilter]?
    var details: Bool?
    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", instanceId = "InstanceId", maxResults = "MaxResults", nextToken = "NextToken"
        case filters = "Filters", details = "Details"
    }
}

/// SSM's `Command` shape.
struct CommandShape: Encodable, Sendable {
    var record: CommandRecord

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", documentName = "DocumentName", documentVersion = "DocumentVersion", comment = "Comment"
        case expiresAfter = "ExpiresAfter", parameters = "Parameters", instanceIds = "InstanceIds", targets = "Targets"
        case requestedDateTime = "RequestedDateTime", status = "Status", statusDetails = "StatusDetails"
        case maxConcurrency = "MaxConcurrency", maxErrors = "MaxErrors", targetCount = "TargetCount"
        case completedCount = "CompletedCount", errorCount = "ErrorCount", deliveryTimedOutCount = "DeliveryTimedOutCount"
        case timeoutSeconds = "TimeoutSeconds", outputS3BucketName = "OutputS3BucketName", outputS3KeyPrefix = "OutputS3KeyPrefix"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.commandId, forKey: .commandId)
        try container.encode(record.documentName, forKey: .documentName)
        try container.encode(record.documentVersion, forKey: .documentVersion)
        try container.encode(record.comment, forKey: .comment)
        try container.encode(record.expiresAfter, forKey: .expiresAfter)
        try container.encode(record.parameters, forKey: .parameters)
        try container.encode(record.instanceIds, forKey: .instanceIds)
        try container.encode(record.targets, forKey: .targets)
        try container.encode(record.requestedDateTime, forKey: .requestedDateTime)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.statusDetails, forKey: .statusDetails)
        try container.encode(record.maxConcurrency, forKey: .maxConcurrency)
        try container.encode(record.maxErrors, forKey: .maxErrors)
        try container.encode(record.targetCount, forKey: .targetCount)
        try container.encode(record.completedCount, forKey: .completedCount)
        try container.encode(record.errorCount, forKey: .errorCount)
        try container.encode(record.deliveryTimedOutCount, forKey: .deliveryTimedOutCount)
        try container.encode(record.timeoutSeconds, forKey: .timeoutSeconds)
        try container.encode(record.outputS3BucketName ?? "", forKey: .outputS3BucketName)
        try container.encode(record.outputS3KeyPrefix ?? "", forKey: .outputS3KeyPrefix)
        try container.encode(CloudWatchOutputConfigShape(record.cloudWatchOutput), forKey: .cloudWatchOutputConfig)
    }
}

/// SSM's `CommandInvocation` shape, with `CommandPlugins` when details were asked for.
struct CommandInvocationShape: Encodable, Sendable {
    var record: InvocationRecord
    var command: CommandRecord
    var details: Bool
    var endpoint: ServerEndpoint

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", instanceId = "InstanceId", instanceName = "InstanceName", comment = "Comment"
        case documentName = "DocumentName", documentVersion = "DocumentVersion", requestedDateTime = "RequestedDateTime"
        case status = "Status", statusDetails = "StatusDetails", traceOutput = "TraceOutput"
        case standardOutputUrl = "StandardOutputUrl", standardErrorUrl = "StandardErrorUrl", commandPlugins = "CommandPlugins"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.commandId, forKey: .commandId)
        try container.encode(record.instanceId, forKey: .instanceId)
        try container.encode(record.instanceName, forKey: .instanceName)
        try container.encode(command.comment, forKey: .comment)
        try container.encode(command.documentName, forKey: .documentName)
        try container.encode(command.documentVersion, forKey: .documentVersion)
        try container.encode(record.requestedDateTime, forKey: .requestedDateTime)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.statusDetails, forKey: .statusDetails)
        try container.encode("", forKey: .traceOutput)
        let urls = endpoint.outputURLs(command: command, instanceId: record.instanceId, step: record.steps.first)
        try container.encode(urls.stdout, forKey: .standardOutputUrl)
        try container.encode(urls.stderr, forKey: .standardErrorUrl)
        try container.encode(CloudWatchOutputConfigShape(command.cloudWatchOutput), forKey: .cloudWatchOutputConfig)
        if details {
            let plugins = record.steps.map {
                CommandPluginShape(step: $0, urls: endpoint.outputURLs(command: command, instanceId: record.instanceId, step: $0),
                                   bucket: command.outputS3BucketName ?? "", prefix: command.outputS3KeyPrefix ?? "")
            }
            try container.encode(plugins, forKey: .commandPlugins)
        }
    }
}

/// SSM's `CommandPlugin` shape: one step's result.
struct CommandPluginShape: Encodable, Sendable {
    var step: StepReport
    var urls: (stdout: String, stderr: String)
    var bucket: String
    var prefix: String

    enum CodingKeys: String, CodingKey {
        case name = "Name", status = "Status", statusDetails = "StatusDetails", responseCode = "ResponseCode"
        case responseStartDateTime = "ResponseStartDateTime", responseFinishDateTime = "ResponseFinishDateTime"
        case output = "Output", standardOutputUrl = "StandardOutputUrl", standardErrorUrl = "StandardErrorUrl"
        case outputS3BucketName = "OutputS3BucketName", outputS3KeyPrefix = "OutputS3KeyPrefix"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(step.name, forKey: .name)
        try container.encode(step.status.rawValue, forKey: .status)
        try container.encode(step.statusDetails, forKey: .statusDetails)
        try container.encode(step.responseCode, forKey: .responseCode)
        try container.encodeIfPresent(step.startedAt, forKey: .responseStartDateTime)
        try container.encodeIfPresent(step.finishedAt, forKey: .responseFinishDateTime)
        try container.encode(OutputTruncation.pluginOutput(stdout: step.stdout, stderr: step.stderr), forKey: .output)
        try container.encode(urls.stdout, forKey: .standardOutputUrl)
        try container.encode(urls.stderr, forKey: .standardErrorUrl)
        try container.encode(bucket, forKey: .outputS3BucketName)
        try container.encode(prefix, forKey: .outputS3KeyPrefix)
    }
}

/// `AmazonSSM.GetCommandInvocation` output.
struct GetCommandInvocationResponse: Encodable, Sendable {
    var invocation: InvocationRecord
    var command: CommandRecord
    var step: StepReport?
    var urls: (stdout: String, stderr: String)

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", instanceId = "InstanceId", comment = "Comment", documentName = "DocumentName"
        case documentVersion = "DocumentVersion", pluginName = "PluginName", responseCode = "ResponseCode"
        case executionStartDateTime = "ExecutionStartDateTime", executionElapsedTime = "ExecutionElapsedTime"
        case executionEndDateTime = "ExecutionEndDateTime", status = "Status", statusDetails = "StatusDetails"
        case standardOutputContent = "StandardOutputContent", standardOutputUrl = "StandardOutputUrl"
        case standardErrorContent = "StandardErrorContent", standardErrorUrl = "StandardErrorUrl"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let start = step?.startedAt ?? invocation.startedAt
        let end = step?.finishedAt ?? invocation.finishedAt
        try container.encode(invocation.commandId, forKey: .commandId)
        try container.encode(invocation.instanceId, forKey: .instanceId)
        try container.encode(command.comment, forKey: .comment)
        try container.encode(command.documentName, forKey: .documentName)
        try container.encode(command.documentVersion, forKey: .documentVersion)
        try container.encode(step?.name ?? command.plan.steps.first?.name ?? "", forKey: .pluginName)
        try container.encode(step?.responseCode ?? invocation.responseCode, forKey: .responseCode)
        try container.encode(start.map(ISOTime.ssmTimestamp) ?? "", forKey: .executionStartDateTime)
        try container.encode(end.map(ISOTime.ssmTimestamp) ?? "", forKey: .executionEndDateTime)
        try container.encode(ISOTime.elapsed(from: start, to: end), forKey: .executionElapsedTime)
        try container.encode((step?.status ?? invocation.status).rawValue, forKey: .status)
        try container.encode(step?.statusDetails ?? invocation.statusDetails, forKey: .statusDetails)
        let stdout = step?.stdout ?? invocation.steps.map(\.stdout).joined()
        let stderr = step?.stderr ?? invocation.steps.map(\.stderr).joined()
        try container.encode(OutputTruncation.standardOutput(stdout), forKey: .standardOutputContent)
        try container.encode(OutputTruncation.standardError(stderr), forKey: .standardErrorContent)
        try container.encode(urls.stdout, forKey: .standardOutputUrl)
        try container.encode(urls.stderr, forKey: .standardErrorUrl)
        try container.encode(CloudWatchOutputConfigShape(command.cloudWatchOutput), forKey: .cloudWatchOutputConfig)
    }
}

/// SSM's `CloudWatchOutputConfig` shape.
struct CloudWatchOutputConfigShape: Codable, Sendable {
    var cloudWatchLogGroupName: String?
    var cloudWatchOutputEnabled: Bool?

    enum CodingKeys: String, CodingKey {
        case cloudWatchLogGroupName = "CloudWatchLogGroupName", cloudWatchOutputEnabled = "CloudWatchOutputEnabled"
    }

    /// As SSM reports it: an empty name and `false` when a command has none.
    init(_ output: CloudWatchOutput?) {
        cloudWatchLogGroupName = output?.groupName ?? ""
        cloudWatchOutputEnabled = output?.enabled ?? false
    }

    /// The domain value, its group name checked as SSM's model constrains it.
    func output() throws -> CloudWatchOutput {
        if let name = cloudWatchLogGroupName {
            do {
                try LogNames.checkGroupName(name, field: "CloudWatchOutputConfig.CloudWatchLogGroupName")
            } catch {
                throw PortlessError(aws: .validation, error.message, field: error.field)
            }
        }
        return CloudWatchOutput(groupName: cloudWatchLogGroupName, enabled: cloudWatchOutputEnabled ?? false)
    }
}
