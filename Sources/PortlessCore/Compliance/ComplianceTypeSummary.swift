/// ListComplianceSummaries' row: how many resources are compliant and non-compliant for one compliance
/// type, each counted under its overall severity.
public struct ComplianceTypeSummary: Sendable, Hashable {
    public var complianceType: ComplianceType
    public var compliant = SeveritySummary()
    public var nonCompliant = SeveritySummary()

    public init(complianceType: ComplianceType) { self.complianceType = complianceType }

    /// One row per compliance type found in `resources`, ordered by type.
    public static func rows(_ resources: [ResourceComplianceSummary]) -> [ComplianceTypeSummary] {
        var rows: [ComplianceType: ComplianceTypeSummary] = [:]
        for resource in resources {
            var row = rows[resource.complianceType] ?? ComplianceTypeSummary(complianceType: resource.complianceType)
            switch resource.status {
            case .compliant: row.compliant.add(resource.overallSeverity)
            case .nonCompliant: row.nonCompliant.add(resource.overallSeverity)
            }
            rows[resource.complianceType] = row
        }
        return rows.values.sorted { $0.complianceType < $1.complianceType }
    }
}
