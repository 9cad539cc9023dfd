/// Everything a resource reported for one compliance type: its items, each with the execution that last
/// put it, the latest execution, and the content hash of the last upload.
public struct ResourceCompliance: Sendable, Codable, Hashable {
    /// An item with the execution that last put it.
    public struct StoredItem: Sendable, Codable, Hashable {
        public var item: ComplianceItem
        public var executionSummary: ComplianceExecutionSummary
        public init(item: ComplianceItem, executionSummary: ComplianceExecutionSummary) {
            self.item = item
            self.executionSummary = executionSummary
        }
    }

    public var resourceId: String
    public var resourceType: ComplianceResourceType
    public var complianceType: ComplianceType
    /// The latest upload's execution.
    public var executionSummary: ComplianceExecutionSummary
    /// The `ItemContentHash` of the latest upload, if it gave one.
    public var itemContentHash: String?
    public var items: [StoredItem]

    public init(resourceId: String, resourceType: ComplianceResourceType, complianceType: ComplianceType,
                executionSummary: ComplianceExecutionSummary, itemContentHash: String?, items: [StoredItem]) {
        self.resourceId = resourceId
        self.resourceType = resourceType
        self.complianceType = complianceType
        self.executionSummary = executionSummary
        self.itemContentHash = itemContentHash
        self.items = items
    }

    /// The bytes its items' contents take.
    public var contentSize: Int { items.reduce(0) { $0 + $1.item.contentSize } }

    /// Its counts, status and overall severity.
    public var summary: ResourceComplianceSummary {
        var compliant = SeveritySummary()
        var nonCompliant = SeveritySummary()
        for stored in items {
            switch stored.item.status {
            case .compliant: compliant.add(stored.item.severity)
            case .nonCompliant: nonCompliant.add(stored.item.severity)
            }
        }
        let status: ComplianceStatus = nonCompliant.total > 0 ? .nonCompliant : .compliant
        return ResourceComplianceSummary(resourceId: resourceId, resourceType: resourceType, complianceType: complianceType, status: status,
                                         overallSeverity: (status == .nonCompliant ? nonCompliant : compliant).highest ?? .unspecified,
                                         executionSummary: executionSummary, compliant: compliant, nonCompliant: nonCompliant)
    }
}

/// The kinds of resource compliance is kept for: managed nodes only, as on SSM.
public enum ComplianceResourceType: String, Sendable, Codable, Hashable, CaseIterable {
    case managedInstance = "ManagedInstance"
}
