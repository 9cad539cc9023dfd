/// One resource's standing for one compliance type: NON_COMPLIANT when any item is, its overall severity
/// the highest severity among its non-compliant items (among its compliant ones when it is compliant).
public struct ResourceComplianceSummary: Sendable, Codable, Hashable {
    public var resourceId: String
    public var resourceType: ComplianceResourceType
    public var complianceType: ComplianceType
    public var status: ComplianceStatus
    public var overallSeverity: ComplianceSeverity
    public var executionSummary: ComplianceExecutionSummary
    /// Counts of the compliant items by severity.
    public var compliant: SeveritySummary
    /// Counts of the non-compliant items by severity.
    public var nonCompliant: SeveritySummary

    public init(resourceId: String, resourceType: ComplianceResourceType, complianceType: ComplianceType, status: ComplianceStatus,
                overallSeverity: ComplianceSeverity, executionSummary: ComplianceExecutionSummary,
                compliant: SeveritySummary, nonCompliant: SeveritySummary) {
        self.resourceId = resourceId
        self.resourceType = resourceType
        self.complianceType = complianceType
        self.status = status
        self.overallSeverity = overallSeverity
        self.executionSummary = executionSummary
        self.compliant = compliant
        self.nonCompliant = nonCompliant
    }
}

/// Counts by severity.
public struct SeveritySummary: Sendable, Codable, Hashable {
    public private(set) var counts: [ComplianceSeverity: Int] = [:]

    public init() {}

    public mutating func add(_ severity: ComplianceSeverity) { counts[severity, default: 0] += 1 }

    public subscript(severity: ComplianceSeverity) -> Int { counts[severity] ?? 0 }

    public var total: Int { counts.values.reduce(0, +) }

    /// The most severe severity counted, if any.
    public var highest: ComplianceSeverity? { counts.filter { $0.value > 0 }.keys.max() }
}
