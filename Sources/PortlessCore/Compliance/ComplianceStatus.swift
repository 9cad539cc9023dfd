/// Whether a compliance item (or a resource, for one compliance type) is compliant.
public enum ComplianceStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case compliant = "COMPLIANT"
    case nonCompliant = "NON_COMPLIANT"
}
