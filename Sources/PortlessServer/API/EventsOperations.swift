import Foundation
import PortlessCore

/// The `AWSEvents.*` operations (EventBridge, default bus): each decodes its input, calls the rule service and encodes
/// EventBridge's reply.
struct EventsOperations: Sendable {
    static let targetPrefix = "AWSEvents."

    let rules: EventRuleService

    /// Runs `operation` (the part after the target prefix) and returns the JSON reply body.
    func handle(_ operation: String, body: Data, principal: Principal) async throws -> Data {
        let request = try WireCoding.decode(EventsRequest.self, from: body.isEmpty ? Data("{}".utf8) : body)
        let region = rules.region
        switch operation {
        case "PutRule":
            let rule = try await rules.putRule(.init(name: request.name, eventPattern: request.eventPattern,
                                                     scheduleExpression: request.scheduleExpression, state: request.state,
                                                     description: request.description, roleArn: request.roleArn, tags: request.tags ?? [],
                                                     eventBusName: request.eventBusName), principal: principal)
            return try encode(["RuleArn": rule.arn(region: region)])
        case "DescribeRule":
            let rule = try await rules.rule(request.name, bus: request.eventBusName, principal: principal)
            return try encode(EventRuleShape(rule, region: region, describing: true))
        case "ListRules":
            let found = try await rules.rules(namePrefix: request.namePrefix, bus: request.eventBusName, principal: principal)
            let (items, token) = try page(found, request)
            return try encode(ListReply(key: "Rules", items: items.map { EventRuleShape($0, region: region, describing: false) }, nextToken: token))
        case "DeleteRule":
            try await rules.deleteRule(request.name, bus: request.eventBusName, principal: principal)
            return Data("{}".utf8)
        case "EnableRule", "DisableRule":
            try await rules.setEnabled(operation == "EnableRule", name: request.name, bus: request.eventBusName, principal: principal)
            return Data("{}".utf8)
        case "PutTargets":
            let failed = try await rules.putTargets(rule: request.rule, bus: request.eventBusName,
                                                    try required(request.targets, "Targets"), principal: principal)
            return try encode(FailedTargetsReply(failedEntryCount: failed.count, failedEntries: failed.map(FailedTargetShape.init)))
        case "RemoveTargets":
            let failed = try await rules.removeTargets(rule: request.rule, bus: request.eventBusName, ids: try required(request.ids, "Ids"),
                                                       principal: principal)
            return try encode(FailedTargetsReply(failedEntryCount: failed.count, failedEntries: failed.map(FailedTargetShape.init)))
        case "ListTargetsByRule":
            let targets = try await rules.targets(rule: request.rule, bus: request.eventBusName, principal: principal)
            let (items, token) = try page(targets, request)
            return try encode(ListReply(key: "Targets", items: items, nextToken: token))
        case "TestEventPattern":
            return try encode(["Result": try rules.testEventPattern(request.eventPattern, event: request.event)])
        case "PutEvents":
            let entries = try required(request.entries, "Entries").map {
                EventRuleService.CustomEvent(time: $0.time, source: $0.source, resources: $0.resources ?? [], detailType: $0.detailType,
                                             detail: $0.detail, eventBusName: $0.eventBusName)
            }
            let results = try await rules.putEvents(entries, principal: principal).map { result in
                switch result {
                case .published(let eventId): PutEventsResultShape(eventId: eventId)
                case .failed(let code, let message): PutEventsResultShape(errorCode: code, errorMessage: message)
                }
            }
            return try encode(PutEventsReply(failedEntryCount: results.filter { $0.eventId == nil }.count, entries: results))
        default:
            throw PortlessError(.unknownOperation, "Operation \(Self.targetPrefix)\(operation) is not supported.", field: "X-Amz-Target")
        }
    }

    private func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw ConstraintViolation.error(.validation, value: nil, field: field, .notNull) }
        return value
    }

    private func page<T>(_ items: [T], _ request: EventsRequest) throws -> ([T], String?) {
        if let limit = request.limit, !(1...100).contains(limit) {
            throw ConstraintViolation.error(.validation, value: String(limit), field: "Limit", limit < 1 ? .minValue(1) : .maxValue(100))
        }
        return Pagination.page(items, offset: try Pagination.offset(from: request.nextToken), limit: request.limit ?? 100)
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
}
