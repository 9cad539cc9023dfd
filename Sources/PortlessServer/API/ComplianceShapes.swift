import Foundation
import PortlessCore

/// `AmazonSSM.PutComplianceItems` input, every member optional so that a missing one is AWS's
/// "Member must not be null" rather than a decoding error.
struct PutComplianceItemsRequest: Decodable, Sendable {
    struct ExecutionSummary: Decodable, Sendable {
        var executionTime: Date?
        var executionId: String?
        var executionType: String?
        enum CodingKeys: String, CodingKey { case executionTime = "ExecutionTime", executionId = "ExecutionId", executionType = "ExecutionType" }
    }
    struct Item: Decodable, Sendable {
        var id: String?
        var title: String?
        var severity: String?
        var status: String?
        var details: [String: String]?
        enum CodingKeys: String, CodingKey { case id = "Id", title = "Title", severity = "Severity", status = "Status", details = "Details" }
    }
    var resourceId: String?
    var resourceType: String?
    var complianceType: String?
    var executionSummary: ExecutionSummary?
    var items: [Item]?
    var itemContentHash: String?
    var uploadType: String?
    enum CodingKeys: String, CodingKey {
        case resourceId = "ResourceId", resourceType = "ResourceType", complianceType = "ComplianceType"
        case executionSummary = "ExecutionSummary", items = "Items", itemContentHash = "ItemContentHash", uploadType = "UploadType"
    }

    /// The upload as domain values, after the model's constraints (ValidationException, AWS's wording) and
    /// the resource type (InvalidResourceType).
    func put() throws -> CompliancePut {
        guard let resourceId else { throw ConstraintViolation.error(.validation, value: nil, field: "resourceId", .notNull) }
        guard let resourceType else { throw ConstraintViolation.error(.validation, value: nil, field: "resourceType", .notNull) }
        guard let complianceType else { throw ConstraintViolation.error(.validation, value: nil, field: "complianceType", .notNull) }
        guard let executionSummary else { throw ConstraintViolation.error(.validation, value: nil, field: "executionSummary", .notNull) }
        guard let executionTime = executionSummary.executionTime else {
            throw ConstraintViolation.error(.validation, value: nil, field: "executionSummary.executionTime", .notNull)
        }
        guard let items else { throw ConstraintViolation.error(.validation, value: nil, field: "items", .notNull) }
        try Self.length(resourceId, ComplianceLimits.resourceIdLength, field: "resourceId")
        try Self.length(resourceType, ComplianceLimits.resourceTypeLength, field: "resourceType")
        try Self.length(complianceType, 1...ComplianceType.maxLength, field: "complianceType")
        guard let type = ComplianceType(complianceType) else {
            throw ConstraintViolation.error(.validation, value: complianceType, field: "complianceType", .pattern(ComplianceType.pattern))
        }
        try Self.length(executionSummary.executionId, 0...ComplianceLimits.maxExecutionIdLength, field: "executionSummary.executionId")
        try Self.length(executionSummary.executionType, 0...ComplianceLimits.maxExecutionTypeLength, field: "executionSummary.executionType")
        try Self.length(itemContentHash, 0...ComplianceLimits.maxItemContentHashLength, field: "itemContentHash")
        let upload = try uploadType.map { value in
            guard let upload = ComplianceUploadType(rawValue: value) else {
                throw ConstraintViolation.error(.validation, value: value, field: "uploadType", .enumeration(ComplianceUploadType.allCases.map(\.rawValue)))
            }
            return upload
        } ?? .complete
        let domainItems = try items.enumerated().map { index, item in
            let path = "items.\(index + 1).member"
            guard let severityText = item.severity else { throw ConstraintViolation.error(.validation, value: nil, field: "\(path).severity", .notNull) }
            guard let severity = ComplianceSeverity(rawValue: severityText) else {
                throw ConstraintViolation.error(.validation, value: severityText, field: "\(path).severity",
                                                .enumeration(ComplianceSeverity.allCases.map(\.rawValue)))
            }
            guard let statusText = item.status else { throw ConstraintViolation.error(.validation, value: nil, field: "\(path).status", .notNull) }
            guard let status = ComplianceStatus(rawValue: statusText) else {
                throw ConstraintViolation.error(.validation, value: statusText, field: "\(path).status",
                                                .enumeration(ComplianceStatus.allCases.map(\.rawValue)))
            }
            return ComplianceItem(id: item.id, title: item.title, severity: severity, status: status, details: item.details ?? [:])
        }
        guard let resource = ComplianceResourceType(rawValue: resourceType) else { throw ComplianceService.invalidResourceType(resourceType) }
        return CompliancePut(resourceId: resourceId, resourceType: resource, complianceType: type,
                             executionSummary: ComplianceExecutionSummary(executionTime: executionTime, executionId: executionSummary.executionId,
                                                                          executionType: executionSummary.executionType),
                             items: domainItems, uploadType: upload, itemContentHash: itemContentHash)
    }

    private static func length(_ value: String?, _ range: ClosedRange<Int>, field: String) throws {
        guard let value else { return }
        if value.count < range.lowerBound { throw ConstraintViolation.error(.validation, value: value, field: field, .minLength(range.lowerBound)) }
        if value.count > range.upperBound { throw ConstraintViolation.error(.validation, value: value, field: field, .maxLength(range.upperBound)) }
    }
}

/// `ComplianceStringFilter`.
struct ComplianceFilterShape: Decodable, Sendable {
    var key: String?
    var values: [String]?
    var type: String?
    enum CodingKeys: String, CodingKey { case key = "Key", values = "Values", type = "Type" }
}

/// The input of the three compliance lists (ResourceIds/ResourceTypes only in ListComplianceItems).
struct ListComplianceRequest: Decodable, Sendable {
    var filters: [ComplianceFilterShape]?
    var resourceIds: [String]?
    var resourceTypes: [String]?
    var nextToken: String?
    var maxResults: Int?
    enum CodingKeys: String, CodingKey {
        case filters = "Filters", resourceIds = "ResourceIds", resourceTypes = "ResourceTypes", nextToken = "NextToken", maxResults = "MaxResults"
    }

    /// The filters, checked against the keys the operation takes.
    func parsedFilters(allowed: [ComplianceFilter.Key]) throws -> [ComplianceFilter] {
        try (filters ?? []).enumerated().map { index, filter in
            if let key = filter.key, !(1...200).contains(key.count) {
                throw ConstraintViolation.error(.validation, value: key, field: "filters.\(index + 1).member.key",
                                                key.isEmpty ? .minLength(1) : .maxLength(200))
            }
            if let values = filter.values, values.count > 20 {
                throw ConstraintViolation.withoutValue(.validation, field: "filters.\(index + 1).member.values", .maxLength(20))
            }
            return try ComplianceFilter(key: filter.key, type: filter.type, values: filter.values, allowed: allowed, field: "Filters[\(index)]")
        }
    }
}

/// `ComplianceExecutionSummary` as sent.
struct ComplianceExecutionSummaryShape: Encodable, Sendable {
    var summary: ComplianceExecutionSummary
    enum CodingKeys: String, CodingKey { case executionTime = "ExecutionTime", executionId = "ExecutionId", executionType = "ExecutionType" }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.executionTime.wholeSecond, forKey: .executionTime)
        try container.encodeIfPresent(summary.executionId, forKey: .executionId)
        try container.encodeIfPresent(summary.executionType, forKey: .executionType)
    }
}

/// `ComplianceItem` as ListComplianceItems sends it.
struct ComplianceItemShape: Encodable, Sendable {
    var resource: ResourceCompliance
    var stored: ResourceCompliance.StoredItem
    enum CodingKeys: String, CodingKey {
        case complianceType = "ComplianceType", resourceType = "ResourceType", resourceId = "ResourceId", id = "Id", title = "Title"
        case status = "Status", severity = "Severity", executionSummary = "ExecutionSummary", details = "Details"
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resource.complianceType.name, forKey: .complianceType)
        try container.encode(resource.resourceType.rawValue, forKey: .resourceType)
        try container.encode(resource.resourceId, forKey: .resourceId)
        try container.encode(stored.item.id ?? "", forKey: .id)
        try container.encode(stored.item.title ?? "", forKey: .title)
        try container.encode(stored.item.status.rawValue, forKey: .status)
        try container.encode(stored.item.severity.rawValue, forKey: .severity)
        try container.encode(ComplianceExecutionSummaryShape(summary: stored.executionSummary), forKey: .executionSummary)
        try container.encode(stored.item.details, forKey: .details)
    }
}

/// `SeveritySummary`.
struct SeveritySummaryShape: Encodable, Sendable {
    var counts: SeveritySummary
    enum CodingKeys: String, CodingKey {
        case critical = "CriticalCount", high = "HighCount", medium = "MediumCount", low = "LowCount"
        case informational = "InformationalCount", unspecified = "UnspecifiedCount"
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(counts[.critical], forKey: .critical)
        try container.encode(counts[.high], forKey: .high)
        try container.encode(counts[.medium], forKey: .medium)
        try container.encode(counts[.low], forKey: .low)
        try container.encode(counts[.informational], forKey: .informational)
        try container.encode(counts[.unspecified], forKey: .unspecified)
    }
}

/// `CompliantSummary` and `NonCompliantSummary`: a count (under `countKey`) and its severities.
struct CountedSummaryShape: Encodable, Sendable {
    var countKey: String
    var counts: SeveritySummary
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ListReply<Int>.Key.self)
        try container.encode(counts.total, forKey: .init(stringValue: countKey))
        try container.encode(SeveritySummaryShape(counts: counts), forKey: .init(stringValue: "SeveritySummary"))
    }
    static func compliant(_ counts: SeveritySummary) -> Self { Self(countKey: "CompliantCount", counts: counts) }
    static func nonCompliant(_ counts: SeveritySummary) -> Self { Self(countKey: "NonCompliantCount", counts: counts) }
}

/// `ComplianceSummaryItem`.
struct ComplianceSummaryItemShape: Encodable, Sendable {
    var row: ComplianceTypeSummary
    enum CodingKeys: String, CodingKey { case complianceType = "ComplianceType", compliant = "CompliantSummary", nonCompliant = "NonCompliantSummary" }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row.complianceType.name, forKey: .complianceType)
        try container.encode(CountedSummaryShape.compliant(row.compliant), forKey: .compliant)
        try container.encode(CountedSummaryShape.nonCompliant(row.nonCompliant), forKey: .nonCompliant)
    }
}

/// `ResourceComplianceSummaryItem`.
struct ResourceComplianceSummaryItemShape: Encodable, Sendable {
    var summary: ResourceComplianceSummary
    enum CodingKeys: String, CodingKey {
        case complianceType = "ComplianceType", resourceType = "ResourceType", resourceId = "ResourceId", status = "Status"
        case overallSeverity = "OverallSeverity", executionSummary = "ExecutionSummary", compliant = "CompliantSummary"
        case nonCompliant = "NonCompliantSummary"
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.complianceType.name, forKey: .complianceType)
        try container.encode(summary.resourceType.rawValue, forKey: .resourceType)
        try container.encode(summary.resourceId, forKey: .resourceId)
        try container.encode(summary.status.rawValue, forKey: .status)
        try container.encode(summary.overallSeverity.rawValue, forKey: .overallSeverity)
        try container.encode(ComplianceExecutionSummaryShape(summary: summary.executionSummary), forKey: .executionSummary)
        try container.encode(CountedSummaryShape.compliant(summary.compliant), forKey: .compliant)
        try container.encode(CountedSummaryShape.nonCompliant(summary.nonCompliant), forKey: .nonCompliant)
    }
}
