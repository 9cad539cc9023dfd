import Foundation
import PortlessCore

extension AssociationService {
    /// `DescribeAssociation`: the association, or one of its versions (`AssociationVersion`, `$LATEST` for the current).
    func describe(_ request: AssociationLookupRequest, principal: Principal) async throws -> AssociationRecord {
        let association = try await lookup(request, principal: principal)
        guard let version = request.associationVersion, version != "$LATEST", version != String(association.associationVersion) else {
            return association
        }
        guard let number = Int(version), number > 0,
              let found = try await store.associationVersions(id: association.associationId).first(where: { $0.associationVersion == number }) else {
            throw PortlessError.Associations.invalidVersion
        }
        return found
    }

    /// `ListAssociations`, filtered by `AssociationFilterList` (every filter must match).
    func list(_ request: ListAssociationsRequest, principal: Principal) async throws -> (items: [AssociationRecord], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        var associations = try await store.associations(accountId: principal.accountId)
        for (index, filter) in (request.associationFilterList ?? []).enumerated() {
            let field = "AssociationFilterList[\(index)]"
            guard !filter.value.isEmpty else {
                throw ConstraintViolation.error(.validation, value: filter.value, field: "\(field).value", .minLength(1))
            }
            associations = try associations.filter { try Self.matches($0, filter, field: field) }
        }
        return Pagination.page(associations, offset: offset, limit: limit)
    }

    /// `ListAssociationVersions`, oldest first.
    func listVersions(_ request: AssociationPageRequest, principal: Principal) async throws -> (items: [AssociationRecord], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        let association = try await owned(request.associationId, principal: principal)
        return Pagination.page(try await store.associationVersions(id: association.associationId), offset: offset, limit: limit)
    }

    /// `DescribeAssociationExecutions`, newest first, filtered by `ExecutionId`, `Status` or `CreatedTime`.
    func executions(_ request: AssociationPageRequest, principal: Principal) async throws
        -> (items: [AssociationExecutionRecord], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        let association = try await owned(request.associationId, principal: principal)
        var executions = try await store.associationExecutions(associationId: association.associationId)
        for (index, filter) in (request.filters ?? []).enumerated() {
            let field = "Filters[\(index)]"
            let comparison = try Self.comparison(filter.type, field: "\(field).Type")
            switch filter.key {
            case "ExecutionId": executions = executions.filter { Self.compare($0.executionId, filter.value, comparison) }
            case "Status": executions = executions.filter { Self.compare($0.status.rawValue, filter.value, comparison) }
            case "CreatedTime":
                let date = try Self.date(filter.value, field: "\(field).Value")
                executions = executions.filter { Self.compare($0.createdTime, date, comparison) }
            default:
                throw ConstraintViolation.error(.validation, value: filter.key, field: "\(field).Key",
                                                .enumeration(["ExecutionId", "Status", "CreatedTime"]))
            }
        }
        return Pagination.page(executions, offset: offset, limit: limit)
    }

    /// `DescribeAssociationExecutionTargets`, filtered by `Status`, `ResourceId` or `ResourceType`.
    func executionTargets(_ request: AssociationPageRequest, principal: Principal) async throws
        -> (execution: AssociationExecutionRecord, items: [AssociationExecutionTarget], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        let association = try await owned(request.associationId, principal: principal)
        guard let executionId = request.executionId else {
            throw ConstraintViolation.error(.validation, value: nil, field: "ExecutionId", .notNull)
        }
        guard let execution = try await store.associationExecution(id: executionId.lowercased()),
              execution.associationId == association.associationId else {
            throw PortlessError.Associations.executionDoesNotExist
        }
        var targets = execution.targets
        for (index, filter) in (request.filters ?? []).enumerated() {
            switch filter.key {
            case "Status": targets = targets.filter { $0.status.rawValue == filter.value }
            case "ResourceId": targets = targets.filter { $0.resourceId == filter.value }
            case "ResourceType": targets = targets.filter { $0.resourceType == filter.value }
            default:
                throw ConstraintViolation.error(.validation, value: filter.key, field: "Filters[\(index)].Key",
                                                .enumeration(["Status", "ResourceId", "ResourceType"]))
            }
        }
        let page = Pagination.page(targets, offset: offset, limit: limit)
        return (execution, page.items, page.nextToken)
    }

    private enum Comparison { case equal, lessThan, greaterThan }

    private static func comparison(_ type: String?, field: String) throws -> Comparison {
        switch type {
        case "EQUAL": .equal
        case "LESS_THAN": .lessThan
        case "GREATER_THAN": .greaterThan
        default: throw ConstraintViolation.error(.validation, value: type, field: field, .enumeration(["EQUAL", "LESS_THAN", "GREATER_THAN"]))
        }
    }

    private static func compare<T: Comparable>(_ value: T, _ wanted: T, _ comparison: Comparison) -> Bool {
        switch comparison {
        case .equal: value == wanted
        case .lessThan: value < wanted
        case .greaterThan: value > wanted
        }
    }

    private static func matches(_ association: AssociationRecord, _ filter: AssociationFilter, field: String) throws -> Bool {
        switch filter.key {
        case "InstanceId":
            return association.instanceId == filter.value
                || association.targets.contains { $0.key == "InstanceIds" && $0.values.contains(filter.value) }
        case "Name": return documentName(association.name) == documentName(filter.value)
        case "AssociationId": return association.associationId == filter.value.lowercased()
        case "AssociationStatusName": return association.overview.status.rawValue == filter.value
        case "AssociationName": return association.associationName == filter.value
        case "LastExecutedBefore":
            let date = try Self.date(filter.value, field: "\(field).value")
            return association.lastExecutionDate.map { $0 < date } ?? false
        case "LastExecutedAfter":
            let date = try Self.date(filter.value, field: "\(field).value")
            return association.lastExecutionDate.map { $0 > date } ?? false
        case "ResourceGroupName":
            // Portless has no resource groups, so no association targets one.
            return false
        default:
            throw ConstraintViolation.error(.validation, value: filter.key, field: "\(field).key",
                                            .enumeration(["InstanceId", "Name", "AssociationId", "AssociationStatusName", "LastExecutedBefore",
                                                          "LastExecutedAfter", "AssociationName", "ResourceGroupName"]))
        }
    }

    /// A filter's time: ISO 8601 (`2024-05-20T00:00:00Z`, fractions allowed) or epoch seconds.
    private static func date(_ text: String, field: String) throws -> Date {
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        throw PortlessError(.invalidParameters, "'\(text)' is not a time: use ISO 8601 (2024-05-20T00:00:00Z) or epoch seconds.", field: field)
    }
}
