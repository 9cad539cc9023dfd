import Foundation
import PortlessCore

/// The association settings CreateAssociation and UpdateAssociation share.
struct AssociationSettingsRequest: Decodable, Sendable {
    var name: String?
    var documentVersion: String?
    var instanceId: String?
    var parameters: [String: [String]]?
    var targets: [Target]?
    var scheduleExpression: String?
    var scheduleOffset: Int?
    var applyOnlyAtCronInterval: Bool?
    var outputLocation: AssociationOutputLocation?
    var associationName: String?
    var maxErrors: String?
    var maxConcurrency: String?
    var complianceSeverity: String?
    var syncCompliance: String?
    /// UpdateAssociation only.
    var associationId: String?
    var associationVersion: String?
    /// Fields of SSM's model Portless does not serve, by name, when given.
    var unsupported: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name = "Name", documentVersion = "DocumentVersion", instanceId = "InstanceId", parameters = "Parameters"
        case targets = "Targets", scheduleExpression = "ScheduleExpression", scheduleOffset = "ScheduleOffset"
        case applyOnlyAtCronInterval = "ApplyOnlyAtCronInterval", outputLocation = "OutputLocation"
        case associationName = "AssociationName", maxErrors = "MaxErrors", maxConcurrency = "MaxConcurrency"
        case complianceSeverity = "ComplianceSeverity", syncCompliance = "SyncCompliance"
        case associationId = "AssociationId", associationVersion = "AssociationVersion"
        case automationTargetParameterName = "AutomationTargetParameterName", calendarNames = "CalendarNames"
        case targetLocations = "TargetLocations", duration = "Duration", targetMaps = "TargetMaps", tags = "Tags"
        case alarmConfiguration = "AlarmConfiguration", associationDispatchAssumeRole = "AssociationDispatchAssumeRole"
    }

    static let unsupportedKeys: [CodingKeys] = [.automationTargetParameterName, .calendarNames, .targetLocations, .duration,
                                                .targetMaps, .tags, .alarmConfiguration, .associationDispatchAssumeRole]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        documentVersion = try container.decodeIfPresent(String.self, forKey: .documentVersion)
        instanceId = try container.decodeIfPresent(String.self, forKey: .instanceId)
        parameters = try container.decodeIfPresent([String: [String]].self, forKey: .parameters)
        targets = try container.decodeIfPresent([Target].self, forKey: .targets)
        scheduleExpression = try container.decodeIfPresent(String.self, forKey: .scheduleExpression)
        scheduleOffset = try container.decodeIfPresent(Int.self, forKey: .scheduleOffset)
        applyOnlyAtCronInterval = try container.decodeIfPresent(Bool.self, forKey: .applyOnlyAtCronInterval)
        outputLocation = try container.decodeIfPresent(AssociationOutputLocation.self, forKey: .outputLocation)
        associationName = try container.decodeIfPresent(String.self, forKey: .associationName)
        maxErrors = try container.decodeIfPresent(String.self, forKey: .maxErrors)
        maxConcurrency = try container.decodeIfPresent(String.self, forKey: .maxConcurrency)
        complianceSeverity = try container.decodeIfPresent(String.self, forKey: .complianceSeverity)
        syncCompliance = try container.decodeIfPresent(String.self, forKey: .syncCompliance)
        associationId = try container.decodeIfPresent(String.self, forKey: .associationId)
        associationVersion = try container.decodeIfPresent(String.self, forKey: .associationVersion)
        unsupported = Self.unsupportedKeys.filter { container.contains($0) }.map(\.rawValue)
    }
}

/// `AssociationFilterList` entries (lower-case `key`/`value` on the wire).
struct AssociationFilter: Decodable, Sendable {
    var key: String
    var value: String
}

/// `AmazonSSM.ListAssociations` input.
struct ListAssociationsRequest: Decodable, Sendable {
    var associationFilterList: [AssociationFilter]?
    var maxResults: Int?
    var nextToken: String?
    enum CodingKeys: String, CodingKey {
        case associationFilterList = "AssociationFilterList", maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// DescribeAssociation and DeleteAssociation input: an association by ID, or by document name and node.
struct AssociationLookupRequest: Decodable, Sendable {
    var name: String?
    var instanceId: String?
    var associationId: String?
    var associationVersion: String?
    enum CodingKeys: String, CodingKey {
        case name = "Name", instanceId = "InstanceId", associationId = "AssociationId", associationVersion = "AssociationVersion"
    }
}

/// A `Key`/`Value`(/`Type`) filter of DescribeAssociationExecutions and DescribeAssociationExecutionTargets.
struct AssociationExecutionFilter: Decodable, Sendable {
    var key: String
    var value: String
    var type: String?
    enum CodingKeys: String, CodingKey { case key = "Key", value = "Value", type = "Type" }
}

/// ListAssociationVersions, DescribeAssociationExecutions and DescribeAssociationExecutionTargets input.
struct AssociationPageRequest: Decodable, Sendable {
    var associationId: String
    var executionId: String?
    var filters: [AssociationExecutionFilter]?
    var maxResults: Int?
    var nextToken: String?
    enum CodingKeys: String, CodingKey {
        case associationId = "AssociationId", executionId = "ExecutionId", filters = "Filters", maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// `AmazonSSM.StartAssociationsOnce` input.
struct StartAssociationsOnceRequest: Decodable, Sendable {
    var associationIds: [String]
    enum CodingKeys: String, CodingKey { case associationIds = "AssociationIds" }
}

/// SSM's `AssociationDescription`, and with `listed` its shorter `Association` (ListAssociations) form.
struct AssociationDescriptionShape: Encodable, Sendable {
    var record: AssociationRecord
    var listed = false

    enum CodingKeys: String, CodingKey {
        case name = "Name", instanceId = "InstanceId", associationVersion = "AssociationVersion", date = "Date"
        case lastUpdateAssociationDate = "LastUpdateAssociationDate", status = "Status", overview = "Overview"
        case documentVersion = "DocumentVersion", parameters = "Parameters", associationId = "AssociationId", targets = "Targets"
        case scheduleExpression = "ScheduleExpression", outputLocation = "OutputLocation", lastExecutionDate = "LastExecutionDate"
        case lastSuccessfulExecutionDate = "LastSuccessfulExecutionDate", associationName = "AssociationName"
        case maxErrors = "MaxErrors", maxConcurrency = "MaxConcurrency", complianceSeverity = "ComplianceSeverity"
        case syncCompliance = "SyncCompliance", applyOnlyAtCronInterval = "ApplyOnlyAtCronInterval", scheduleOffset = "ScheduleOffset"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.name, forKey: .name)
        try container.encodeIfPresent(record.instanceId, forKey: .instanceId)
        try container.encode(record.associationId, forKey: .associationId)
        try container.encode(String(record.associationVersion), forKey: .associationVersion)
        try container.encode(record.documentVersion ?? "$DEFAULT", forKey: .documentVersion)
        if !record.targets.isEmpty { try container.encode(record.targets, forKey: .targets) }
        try container.encodeIfPresent(record.lastExecutionDate, forKey: .lastExecutionDate)
        try container.encode(AssociationOverviewShape(overview: record.overview), forKey: .overview)
        try container.encodeIfPresent(record.scheduleExpression, forKey: .scheduleExpression)
        try container.encodeIfPresent(record.associationName, forKey: .associationName)
        try container.encodeIfPresent(record.scheduleOffset, forKey: .scheduleOffset)
        guard !listed else { return }
        try container.encode(record.createdDate, forKey: .date)
        try container.encode(record.lastUpdateAssociationDate, forKey: .lastUpdateAssociationDate)
        try container.encode(AssociationStatusShape(record: record), forKey: .status)
        try container.encode(record.parameters, forKey: .parameters)
        try container.encodeIfPresent(record.outputLocation, forKey: .outputLocation)
        try container.encodeIfPresent(record.lastSuccessfulExecutionDate, forKey: .lastSuccessfulExecutionDate)
        try container.encodeIfPresent(record.maxErrors, forKey: .maxErrors)
        try container.encodeIfPresent(record.maxConcurrency, forKey: .maxConcurrency)
        try container.encodeIfPresent(record.complianceSeverity?.rawValue, forKey: .complianceSeverity)
        try container.encodeIfPresent(record.syncCompliance?.rawValue, forKey: .syncCompliance)
        try container.encode(record.applyOnlyAtCronInterval, forKey: .applyOnlyAtCronInterval)
    }
}

/// SSM's `AssociationOverview`.
struct AssociationOverviewShape: Encodable, Sendable {
    var overview: AssociationOverview
    enum CodingKeys: String, CodingKey {
        case status = "Status", detailedStatus = "DetailedStatus", counts = "AssociationStatusAggregatedCount"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overview.status.rawValue, forKey: .status)
        try container.encode(overview.detailedStatus, forKey: .detailedStatus)
        if !overview.counts.isEmpty { try container.encode(overview.counts, forKey: .counts) }
    }
}

/// SSM's `AssociationStatus`: the overview's status with a date and a message.
struct AssociationStatusShape: Encodable, Sendable {
    var record: AssociationRecord
    enum CodingKeys: String, CodingKey { case date = "Date", name = "Name", message = "Message" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.lastExecutionDate ?? record.lastUpdateAssociationDate, forKey: .date)
        try container.encode(record.overview.status.rawValue, forKey: .name)
        let counts = record.overview.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        try container.encode(counts.isEmpty ? record.overview.detailedStatus : "\(record.overview.detailedStatus): \(counts)", forKey: .message)
    }
}

/// SSM's `AssociationVersionInfo`.
struct AssociationVersionShape: Encodable, Sendable {
    var record: AssociationRecord
    enum CodingKeys: String, CodingKey {
        case associationId = "AssociationId", associationVersion = "AssociationVersion", createdDate = "CreatedDate", name = "Name"
        case documentVersion = "DocumentVersion", parameters = "Parameters", targets = "Targets", scheduleExpression = "ScheduleExpression"
        case outputLocation = "OutputLocation", associationName = "AssociationName", maxErrors = "MaxErrors"
        case maxConcurrency = "MaxConcurrency", complianceSeverity = "ComplianceSeverity", syncCompliance = "SyncCompliance"
        case applyOnlyAtCronInterval = "ApplyOnlyAtCronInterval", scheduleOffset = "ScheduleOffset"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.associationId, forKey: .associationId)
        try container.encode(String(record.associationVersion), forKey: .associationVersion)
        try container.encode(record.lastUpdateAssociationDate, forKey: .createdDate)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.documentVersion ?? "$DEFAULT", forKey: .documentVersion)
        try container.encode(record.parameters, forKey: .parameters)
        try container.encode(record.effectiveTargets, forKey: .targets)
        try container.encodeIfPresent(record.scheduleExpression, forKey: .scheduleExpression)
        try container.encodeIfPresent(record.outputLocation, forKey: .outputLocation)
        try container.encodeIfPresent(record.associationName, forKey: .associationName)
        try container.encodeIfPresent(record.maxErrors, forKey: .maxErrors)
        try container.encodeIfPresent(record.maxConcurrency, forKey: .maxConcurrency)
        try container.encodeIfPresent(record.complianceSeverity?.rawValue, forKey: .complianceSeverity)
        try container.encodeIfPresent(record.syncCompliance?.rawValue, forKey: .syncCompliance)
        try container.encode(record.applyOnlyAtCronInterval, forKey: .applyOnlyAtCronInterval)
        try container.encodeIfPresent(record.scheduleOffset, forKey: .scheduleOffset)
    }
}

/// SSM's `AssociationExecution`.
struct AssociationExecutionShape: Encodable, Sendable {
    var record: AssociationExecutionRecord
    enum CodingKeys: String, CodingKey {
        case associationId = "AssociationId", associationVersion = "AssociationVersion", executionId = "ExecutionId", status = "Status"
        case detailedStatus = "DetailedStatus", createdTime = "CreatedTime", lastExecutionDate = "LastExecutionDate"
        case resourceCountByStatus = "ResourceCountByStatus"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.associationId, forKey: .associationId)
        try container.encode(String(record.associationVersion), forKey: .associationVersion)
        try container.encode(record.executionId, forKey: .executionId)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.detailedStatus, forKey: .detailedStatus)
        try container.encode(record.createdTime, forKey: .createdTime)
        try container.encodeIfPresent(record.lastExecutionDate, forKey: .lastExecutionDate)
        try container.encode(record.resourceCountByStatus, forKey: .resourceCountByStatus)
    }
}

/// SSM's `AssociationExecutionTarget`.
struct AssociationExecutionTargetShape: Encodable, Sendable {
    var execution: AssociationExecutionRecord
    var target: AssociationExecutionTarget
    enum CodingKeys: String, CodingKey {
        case associationId = "AssociationId", associationVersion = "AssociationVersion", executionId = "ExecutionId"
        case resourceId = "ResourceId", resourceType = "ResourceType", status = "Status", detailedStatus = "DetailedStatus"
        case lastExecutionDate = "LastExecutionDate", outputSource = "OutputSource"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(execution.associationId, forKey: .associationId)
        try container.encode(String(execution.associationVersion), forKey: .associationVersion)
        try container.encode(execution.executionId, forKey: .executionId)
        try container.encode(target.resourceId, forKey: .resourceId)
        try container.encode(target.resourceType, forKey: .resourceType)
        try container.encode(target.status.rawValue, forKey: .status)
        try container.encode(target.detailedStatus, forKey: .detailedStatus)
        try container.encodeIfPresent(target.lastExecutionDate, forKey: .lastExecutionDate)
        if let id = execution.outputSourceId, let type = execution.outputSourceType {
            try container.encode(["OutputSourceId": id, "OutputSourceType": type], forKey: .outputSource)
        }
    }
}
