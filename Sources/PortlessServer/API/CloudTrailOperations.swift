import Foundation
import PortlessCore

/// The `CloudTrail_20131101.*` operations: `LookupEvents` over the audit trail, and the trails that deliver it to buckets.
struct CloudTrailOperations: Sendable {
    static let targetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."

    let lookups: AuditLookupService
    let trails: TrailService

    /// Runs `operation` (the part after the target prefix) and returns the JSON reply body.
    func handle(_ operation: String, body: Data, principal: Principal) async throws -> Data {
        switch operation {
        case "LookupEvents":
            let request = try WireCoding.decode(LookupEventsRequest.self, from: body.isEmpty ? Data("{}".utf8) : body)
            if let category = request.eventCategory {
                guard category == "insight" else { throw PortlessError.CloudTrail.eventCategory }
                return try WireCoding.encoder().encode(LookupEventsReply(events: [], nextToken: nil))
            }
            let lookup = try AuditLookup(attributes: (request.lookupAttributes ?? []).map { (key: $0.attributeKey, value: $0.attributeValue) },
                                         start: request.startTime, end: request.endTime, maxResults: request.maxResults, nextToken: request.nextToken)
            let (events, token) = lookups.lookup(lookup, accountId: principal.accountId)
            return try WireCoding.encoder().encode(LookupEventsReply(events: events.map(EventShape.init), nextToken: token))
        case "CreateTrail":
            let request = try WireCoding.decode(TrailRequest.self, from: body)
            let input = TrailService.CreateInput(name: try required(request.name, "Name"), bucket: try required(request.s3BucketName, "S3BucketName"),
                                                 prefix: request.s3KeyPrefix, includeGlobalServiceEvents: request.includeGlobalServiceEvents ?? true,
                                                 isMultiRegionTrail: request.isMultiRegionTrail ?? false,
                                                 logFileValidation: request.enableLogFileValidation ?? false)
            let trail = try await trails.create(input, principal: principal)
            return try WireCoding.encoder().encode(TrailShape(trail, region: trails.region, describing: false))
        case "GetTrail":
            let trail = try await trails.trail(try named(body), principal: principal)
            return try WireCoding.encoder().encode(["Trail": TrailShape(trail, region: trails.region, describing: true)])
        case "DescribeTrails":
            let request = try WireCoding.decode(TrailRequest.self, from: body.isEmpty ? Data("{}".utf8) : body)
            let found = try await trails.trails(request.trailNameList, principal: principal)
            return try WireCoding.encoder().encode(["trailList": found.map { TrailShape($0, region: trails.region, describing: true) }])
        case "GetTrailStatus":
            return try WireCoding.encoder().encode(TrailStatusShape(try await trails.trail(try named(body), principal: principal)))
        case "StartLogging":
            try await trails.startLogging(try named(body), principal: principal)
            return Data("{}".utf8)
        case "StopLogging":
            try await trails.stopLogging(try named(body), principal: principal)
            return Data("{}".utf8)
        case "DeleteTrail":
            try await trails.delete(try named(body), principal: principal)
            return Data("{}".utf8)
        default:
            throw PortlessError(.unknownOperation, "Operation \(Self.targetPrefix)\(operation) is not supported.", field: "X-Amz-Target")
        }
    }
}

extension CloudTrailOperations {
    /// The `Name` of a trail request (a name or an ARN).
    private func named(_ body: Data) throws -> String {
        try required(try WireCoding.decode(TrailRequest.self, from: body.isEmpty ? Data("{}".utf8) : body).name, "Name")
    }

    private func required(_ value: String?, _ field: String) throws -> String {
        guard let value, !value.isEmpty else {
            throw PortlessError(.validation, "\(field) is required.", field: field)
        }
        return value
    }
}

/// The fields of the trail operations' requests.
struct TrailRequest: Decodable {
    var name: String?
    var s3BucketName: String?
    var s3KeyPrefix: String?
    var includeGlobalServiceEvents: Bool?
    var isMultiRegionTrail: Bool?
    var enableLogFileValidation: Bool?
    var trailNameList: [String]?

    enum CodingKeys: String, CodingKey {
        case name = "Name", s3BucketName = "S3BucketName", s3KeyPrefix = "S3KeyPrefix", includeGlobalServiceEvents = "IncludeGlobalServiceEvents"
        case isMultiRegionTrail = "IsMultiRegionTrail", enableLogFileValidation = "EnableLogFileValidation", trailNameList
    }
}

/// A trail as CreateTrail answers it, or (`describing`) as GetTrail and DescribeTrails list it.
struct TrailShape: Encodable {
    var name: String
    var s3BucketName: String
    var s3KeyPrefix: String?
    var includeGlobalServiceEvents: Bool
    var isMultiRegionTrail: Bool
    var homeRegion: String?
    var trailARN: String
    var logFileValidationEnabled: Bool
    var hasCustomEventSelectors: Bool?
    var hasInsightSelectors: Bool?
    var isOrganizationTrail = false

    init(_ trail: TrailRecord, region: String, describing: Bool) {
        name = trail.name
        s3BucketName = trail.s3BucketName
        s3KeyPrefix = trail.s3KeyPrefix
        includeGlobalServiceEvents = trail.includeGlobalServiceEvents
        isMultiRegionTrail = trail.isMultiRegionTrail
        homeRegion = describing ? region : nil
        trailARN = trail.arn(region: region)
        logFileValidationEnabled = trail.logFileValidationEnabled
        hasCustomEventSelectors = describing ? false : nil
        hasInsightSelectors = describing ? false : nil
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", s3BucketName = "S3BucketName", s3KeyPrefix = "S3KeyPrefix", includeGlobalServiceEvents = "IncludeGlobalServiceEvents"
        case isMultiRegionTrail = "IsMultiRegionTrail", homeRegion = "HomeRegion", trailARN = "TrailARN"
        case logFileValidationEnabled = "LogFileValidationEnabled", hasCustomEventSelectors = "HasCustomEventSelectors"
        case hasInsightSelectors = "HasInsightSelectors", isOrganizationTrail = "IsOrganizationTrail"
    }
}

/// GetTrailStatus's reply.
struct TrailStatusShape: Encodable {
    var isLogging: Bool
    var latestDeliveryTime: Date?
    var startLoggingTime: Date?
    var stopLoggingTime: Date?
    var latestDeliveryError: String?
    var latestDigestDeliveryTime: Date?

    init(_ trail: TrailRecord) {
        isLogging = trail.isLogging
        latestDeliveryTime = trail.latestDeliveryTime
        startLoggingTime = trail.startLoggingTime
        stopLoggingTime = trail.stopLoggingTime
        latestDeliveryError = trail.latestDeliveryError
        latestDigestDeliveryTime = trail.latestDigestDeliveryTime
    }

    enum CodingKeys: String, CodingKey {
        case isLogging = "IsLogging", latestDeliveryTime = "LatestDeliveryTime", startLoggingTime = "StartLoggingTime"
        case stopLoggingTime = "StopLoggingTime", latestDeliveryError = "LatestDeliveryError", latestDigestDeliveryTime = "LatestDigestDeliveryTime"
    }
}

struct LookupEventsRequest: Decodable {
    struct Attribute: Decodable {
        var attributeKey: String?
        var attributeValue: String?
        enum CodingKeys: String, CodingKey {
            case attributeKey = "AttributeKey"
            case attributeValue = "AttributeValue"
        }
    }

    var lookupAttributes: [Attribute]?
    var startTime: Date?
    var endTime: Date?
    var eventCategory: String?
    var maxResults: Int?
    var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case lookupAttributes = "LookupAttributes", startTime = "StartTime", endTime = "EndTime", eventCategory = "EventCategory"
        case maxResults = "MaxResults", nextToken = "NextToken"
    }
}

struct LookupEventsReply: Encodable {
    var events: [EventShape]
    var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case events = "Events"
        case nextToken = "NextToken"
    }
}

/// One event as `LookupEvents` lists it; `CloudTrailEvent` is the record's JSON text.
struct EventShape: Encodable {
    struct ResourceShape: Encodable {
        var resourceType: String
        var resourceName: String
        enum CodingKeys: String, CodingKey {
            case resourceType = "ResourceType"
            case resourceName = "ResourceName"
        }
    }

    var eventId: String
    var eventName: String
    var readOnly: String
    var accessKeyId: String?
    var eventTime: Date?
    var eventSource: String
    var username: String?
    var resources: [ResourceShape]
    var cloudTrailEvent: String

    init(_ found: AuditLookupService.Found) {
        let record = found.record
        eventId = record.eventID
        eventName = record.eventName
        readOnly = record.readOnly ? "true" : "false"
        accessKeyId = record.userIdentity.accessKeyId
        eventTime = record.date
        eventSource = record.eventSource
        username = record.userIdentity.lookupUserName
        resources = (record.resources ?? []).map { ResourceShape(resourceType: $0.type, resourceName: $0.arn) }
        cloudTrailEvent = found.text
    }

    enum CodingKeys: String, CodingKey {
        case eventId = "EventId", eventName = "EventName", readOnly = "ReadOnly", accessKeyId = "AccessKeyId", eventTime = "EventTime"
        case eventSource = "EventSource", username = "Username", resources = "Resources", cloudTrailEvent = "CloudTrailEvent"
    }
}
