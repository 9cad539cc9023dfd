import Foundation
import PortlessCore

/// Every `AWSEvents.*` request member Portless reads.
struct EventsRequest: Decodable, Sendable {
    var name: String?
    var rule: String?
    var eventPattern: String?
    var scheduleExpression: String?
    var state: String?
    var description: String?
    var roleArn: String?
    var tags: [Tag]?
    var eventBusName: String?
    var namePrefix: String?
    var nextToken: String?
    var limit: Int?
    var targets: [EventTarget]?
    var ids: [String]?
    var event: String?
    var entries: [PutEventsEntryShape]?

    enum CodingKeys: String, CodingKey {
        case name = "Name", rule = "Rule", eventPattern = "EventPattern", scheduleExpression = "ScheduleExpression", state = "State"
        case description = "Description", roleArn = "RoleArn", tags = "Tags", eventBusName = "EventBusName", namePrefix = "NamePrefix"
        case nextToken = "NextToken", limit = "Limit", targets = "Targets", ids = "Ids", event = "Event", entries = "Entries"
    }
}

/// A `PutEventsRequestEntry`.
struct PutEventsEntryShape: Decodable, Sendable {
    var time: Date?
    var source: String?
    var resources: [String]?
    var detailType: String?
    var detail: String?
    var eventBusName: String?

    enum CodingKeys: String, CodingKey {
        case time = "Time", source = "Source", resources = "Resources", detailType = "DetailType", detail = "Detail", eventBusName = "EventBusName"
    }
}

/// A `Rule` of ListRules, and DescribeRule's reply (which adds `CreatedBy`).
struct EventRuleShape: Encodable, Sendable {
    var name: String
    var arn: String
    var eventPattern: String?
    var scheduleExpression: String?
    var state: String
    var description: String?
    var roleArn: String?
    var eventBusName: String
    var createdBy: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name", arn = "Arn", eventPattern = "EventPattern", scheduleExpression = "ScheduleExpression", state = "State"
        case description = "Description", roleArn = "RoleArn", eventBusName = "EventBusName", createdBy = "CreatedBy"
    }

    init(_ rule: EventRuleRecord, region: String, describing: Bool) {
        name = rule.name
        arn = rule.arn(region: region)
        eventPattern = rule.eventPattern
        scheduleExpression = rule.scheduleExpression
        state = rule.state.rawValue
        description = rule.description
        roleArn = rule.roleArn
        eventBusName = EventRuleRecord.busName
        createdBy = describing ? rule.accountId : nil
    }
}

/// A `FailedEntries` member of PutTargets and RemoveTargets.
struct FailedTargetShape: Encodable, Sendable {
    var targetId: String
    var errorCode: String
    var errorMessage: String

    enum CodingKeys: String, CodingKey { case targetId = "TargetId", errorCode = "ErrorCode", errorMessage = "ErrorMessage" }

    init(_ entry: EventRuleService.FailedEntry) {
        targetId = entry.targetId
        errorCode = entry.errorCode
        errorMessage = entry.errorMessage
    }
}

/// PutTargets' and RemoveTargets' reply.
struct FailedTargetsReply: Encodable, Sendable {
    var failedEntryCount: Int
    var failedEntries: [FailedTargetShape]

    enum CodingKeys: String, CodingKey { case failedEntryCount = "FailedEntryCount", failedEntries = "FailedEntries" }
}

/// A `PutEventsResultEntry`.
struct PutEventsResultShape: Encodable, Sendable {
    var eventId: String?
    var errorCode: String?
    var errorMessage: String?

    enum CodingKeys: String, CodingKey { case eventId = "EventId", errorCode = "ErrorCode", errorMessage = "ErrorMessage" }
}

/// PutEvents' reply.
struct PutEventsReply: Encodable, Sendable {
    var failedEntryCount: Int
    var entries: [PutEventsResultShape]

    enum CodingKeys: String, CodingKey { case failedEntryCount = "FailedEntryCount", entries = "Entries" }
}

/// A delivery as `Portless.ListRuleDeliveries` shows it.
struct EventDeliveryShape: Encodable, Sendable {
    var deliveryId: String
    var targetId: String
    var state: String
    var attempts: Int
    var createdAt: Date
    var nextAttemptAt: Date?
    var lastError: String?
    var event: String

    enum CodingKeys: String, CodingKey {
        case deliveryId = "DeliveryId", targetId = "TargetId", state = "State", attempts = "Attempts", createdAt = "CreatedAt"
        case nextAttemptAt = "NextAttemptAt", lastError = "LastError", event = "Event"
    }

    init(_ delivery: EventDeliveryRecord) {
        deliveryId = delivery.id
        targetId = delivery.targetId
        state = delivery.state.rawValue
        attempts = delivery.attempts
        createdAt = delivery.createdAt
        nextAttemptAt = delivery.state == .pending ? delivery.nextAttemptAt : nil
        lastError = delivery.lastError
        event = delivery.event
    }
}

/// `Portless.ListRuleDeliveries`: a rule's deliveries in one state (`DEAD_LETTERED` unless given).
struct RuleDeliveriesRequest: Decodable, Sendable {
    var rule: String?
    var state: String?

    enum CodingKeys: String, CodingKey { case rule = "Rule", state = "State" }
}
