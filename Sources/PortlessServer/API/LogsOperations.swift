import Foundation
import PortlessCore

/// The `Logs_20140328.*` operations (CloudWatch Logs): each decodes its input, calls the log service and encodes
/// CloudWatch Logs' reply.
struct LogsOperations: Sendable {
    static let targetPrefix = "Logs_20140328."

    let logs: LogService
    let region: String

    /// Runs `operation` (the part after the target prefix) and returns the JSON reply body.
    func handle(_ operation: String, body: Data, principal: Principal, facts: CallFacts) async throws -> Data {
        let request = try WireCoding.decode(LogsRequest.self, from: body.isEmpty ? Data("{}".utf8) : body)
        let account = principal.accountId
        // KMS sees a group's key used by the caller through CloudWatch Logs (`kms:ViaService`).
        let kmsCaller = KMSCaller(principal: principal, facts: facts, viaService: "logs", region: region)
        switch operation {
        case "CreateLogGroup":
            let logGroupClass = try request.logGroupClass.map { value in
                guard let known = LogGroupClass(rawValue: value) else {
                    throw ConstraintViolation.error(.logsInvalidParameter, value: value, field: "logGroupClass",
                                                    .enumeration(LogGroupClass.allCases.map(\.rawValue)))
                }
                return known
            }
            try await logs.createGroup(accountId: account, name: try request.required(request.logGroupName, "logGroupName"),
                                       kmsKeyId: request.kmsKeyId, logGroupClass: logGroupClass, caller: kmsCaller)
        case "DeleteLogGroup":
            try await logs.deleteGroup(accountId: account, name: try request.required(request.logGroupName, "logGroupName"))
        case "DescribeLogGroups":
            let groups = try await logs.groups(accountId: account, prefix: request.logGroupNamePrefix)
            let page = try LogTokens.page(groups, token: request.nextToken, limit: try request.limit(in: 1...50, fallback: 50))
            return try encode(ListReply(key: "logGroups", items: page.items.map { LogGroupShape($0.group, storedBytes: $0.storedBytes, region: region) },
                                        nextToken: page.nextToken, tokenKey: "nextToken"))
        case "PutRetentionPolicy":
            try await logs.setRetention(accountId: account, name: try request.required(request.logGroupName, "logGroupName"),
                                        days: try request.required(request.retentionInDays, "retentionInDays"))
        case "DeleteRetentionPolicy":
            try await logs.setRetention(accountId: account, name: try request.required(request.logGroupName, "logGroupName"), days: nil)
        case "AssociateKmsKey":
            try await logs.setKey(accountId: account, name: try request.required(request.logGroupName, "logGroupName"),
                                  kmsKeyId: try request.required(request.kmsKeyId, "kmsKeyId"), caller: kmsCaller)
        case "DisassociateKmsKey":
            try await logs.setKey(accountId: account, name: try request.required(request.logGroupName, "logGroupName"), kmsKeyId: nil,
                                  caller: kmsCaller)
        case "CreateLogStream":
            try await logs.createStream(accountId: account, groupName: try request.required(request.logGroupName, "logGroupName"),
                                        name: try request.required(request.logStreamName, "logStreamName"))
        case "DeleteLogStream":
            try await logs.deleteStream(accountId: account, groupName: try request.required(request.logGroupName, "logGroupName"),
                                        name: try request.required(request.logStreamName, "logStreamName"))
        case "DescribeLogStreams":
            return try await describeStreams(request, accountId: account)
        case "PutLogEvents":
            let outcome = try await logs.put(accountId: account, groupName: try request.required(request.logGroupName, "logGroupName"),
                                             streamName: try request.required(request.logStreamName, "logStreamName"),
                                             events: try request.required(request.logEvents, "logEvents"))
            return try encode(PutLogEventsReply(outcome))
        case "GetLogEvents":
            return try await getEvents(request, accountId: account)
        case "FilterLogEvents":
            let pattern = try LogFilterPattern(request.filterPattern ?? "")
            let page = try await logs.filter(accountId: account, groupName: try request.groupName() ?? "", streamNames: request.logStreamNames,
                                             streamPrefix: request.logStreamNamePrefix, start: request.startTime, end: request.endTime,
                                             pattern: pattern, after: try request.nextToken.map(LogTokens.filterCursor),
                                             limit: try request.limit(in: 1...10_000, fallback: 10_000))
            return try encode(FilterLogEventsReply(page))
        default:
            throw PortlessError(.unknownOperation, "Operation \(Self.targetPrefix)\(operation) is not supported.", field: "X-Amz-Target")
        }
        return Data("{}".utf8)
    }

    private func describeStreams(_ request: LogsRequest, accountId: String) async throws -> Data {
        let byLastEventTime: Bool
        switch request.orderBy ?? "LogStreamName" {
        case "LogStreamName": byLastEventTime = false
        case "LastEventTime": byLastEventTime = true
        case let other:
            throw ConstraintViolation.error(.logsInvalidParameter, value: other, field: "orderBy", .enumeration(["LogStreamName", "LastEventTime"]))
        }
        let streams = try await logs.streams(accountId: accountId, groupName: try request.groupName() ?? "", prefix: request.logStreamNamePrefix,
                                             byLastEventTime: byLastEventTime, descending: request.descending ?? false)
        let page = try LogTokens.page(streams, token: request.nextToken, limit: try request.limit(in: 1...50, fallback: 50))
        return try encode(ListReply(key: "logStreams", items: page.items.map { LogStreamShape($0, accountId: accountId, region: region) },
                                    nextToken: page.nextToken, tokenKey: "nextToken"))
    }

    private func getEvents(_ request: LogsRequest, accountId: String) async throws -> Data {
        let token = try request.nextToken.map(LogTokens.streamCursor)
        let page = try await logs.events(accountId: accountId, groupName: try request.groupName() ?? "",
                                         streamName: try request.required(request.logStreamName, "logStreamName"),
                                         start: request.startTime, end: request.endTime, from: token?.cursor,
                                         forward: token?.forward ?? (request.startFromHead ?? false),
                                         limit: try request.limit(in: 1...10_000, fallback: 10_000))
        return try encode(GetLogEventsReply(page))
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
}
