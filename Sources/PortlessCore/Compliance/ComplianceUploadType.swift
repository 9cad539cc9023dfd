/// How PutComplianceItems treats the items already stored for the resource and compliance type.
public enum ComplianceUploadType: String, Sendable, Codable, Hashable, CaseIterable {
    /// The items given replace every item of the type (the default).
    case complete = "COMPLETE"
    /// The items given are added, or replace the stored item with the same `Id`; the rest stay.
    case partial = "PARTIAL"
}
