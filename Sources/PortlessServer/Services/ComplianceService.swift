import Foundation
import PortlessCore

/// Compliance of managed nodes: uploads (from the API and from other server code, such as the scan service
/// publishing `Custom:KISA-Unix` per node) and the three lists.
struct ComplianceService: Sendable {
    let store: any Store & ComplianceStore

    /// Stores `items` of `complianceType` for node `resourceId` of `accountId`: COMPLETE replaces every item
    /// of the type, PARTIAL adds or replaces items by `Id`. An upload whose `itemContentHash` equals the stored
    /// one is ignored. Throws InvalidResourceId for a node the account does not have, and the errors of the limits.
    func put(accountId: String, resourceId: String, resourceType: ComplianceResourceType = .managedInstance, complianceType: ComplianceType,
             executionSummary: ComplianceExecutionSummary, items: [ComplianceItem], uploadType: ComplianceUploadType = .complete,
             itemContentHash: String? = nil) async throws {
        try await put(CompliancePut(resourceId: resourceId, resourceType: resourceType, complianceType: complianceType,
                                    executionSummary: executionSummary, items: items, uploadType: uploadType, itemContentHash: itemContentHash),
                      accountId: accountId)
    }

    /// Stores one upload (see `put(accountId:resourceId:…)`).
    func put(_ upload: CompliancePut, accountId: String) async throws {
        try await requireNode(upload.resourceId, accountId: accountId)
        try upload.validateItems()
        try await store.modifyCompliance(accountId: accountId, resourceId: upload.resourceId) { current in
            try upload.apply(to: current)
        }
    }

    /// ListComplianceItems: the items of the resource named (one per call, as on SSM; every resource of the
    /// account when none is named) that pass every filter, by compliance type and then as uploaded.
    func items(accountId: String, resourceIds: [String]?, resourceTypes: [String]?, filters: [ComplianceFilter],
               offset: Int, limit: Int) async throws -> (items: [(ResourceCompliance, ResourceCompliance.StoredItem)], nextToken: String?) {
        if let resourceTypes {
            guard !resourceTypes.isEmpty else { throw ConstraintViolation.withoutValue(.validation, field: "resourceTypes", .minLength(1)) }
            for type in resourceTypes where ComplianceResourceType(rawValue: type) == nil { throw Self.invalidResourceType(type, field: "ResourceTypes") }
        }
        if let resourceIds {
            guard !resourceIds.isEmpty else { throw ConstraintViolation.withoutValue(.validation, field: "resourceIds", .minLength(1)) }
            guard resourceIds.count == 1 else {
                throw PortlessError(.validation, "ListComplianceItems takes one resource ID per call; \(resourceIds.count) were given.", field: "ResourceIds")
            }
            try await requireNode(resourceIds[0], accountId: accountId)
        }
        let resources = try await store.compliance(accountId: accountId, resourceIds: resourceIds)
        let found = resources.flatMap { resource in
            resource.items.filter { item in filters.allSatisfy { $0.matches(item, of: resource) } }.map { (resource, $0) }
        }
        let page = Pagination.page(found, offset: offset, limit: limit)
        return (page.items, page.nextToken)
    }

    /// ListResourceComplianceSummaries: one row per resource and compliance type that passes every filter.
    func resourceSummaries(accountId: String, filters: [ComplianceFilter], offset: Int, limit: Int) async throws
        -> (items: [ResourceComplianceSummary], nextToken: String?) {
        let found = try await store.complianceSummaries(accountId: accountId).filter { summary in filters.allSatisfy { $0.matches(summary) } }
        let page = Pagination.page(found, offset: offset, limit: limit)
        return (page.items, page.nextToken)
    }

    /// ListComplianceSummaries: per compliance type, the resources (that pass every filter) compliant and
    /// non-compliant, counted under their overall severity.
    func typeSummaries(accountId: String, filters: [ComplianceFilter], offset: Int, limit: Int) async throws
        -> (items: [ComplianceTypeSummary], nextToken: String?) {
        let resources = try await store.complianceSummaries(accountId: accountId).filter { summary in filters.allSatisfy { $0.matches(summary) } }
        let page = Pagination.page(ComplianceTypeSummary.rows(resources), offset: offset, limit: limit)
        return (page.items, page.nextToken)
    }

    /// InvalidResourceType for a type other than ManagedInstance.
    static func invalidResourceType(_ type: String, field: String = "ResourceType") -> PortlessError {
        PortlessError(.invalidResourceType, "The resource type '\(type)' isn't valid; ManagedInstance is the only one compliance is kept for.", field: field)
    }

    private func requireNode(_ id: String, accountId: String) async throws {
        guard try await store.node(id: id)?.accountId == accountId else {
            throw PortlessError(.invalidResourceId, "Managed node \(id) does not exist.", field: "ResourceId")
        }
    }
}
