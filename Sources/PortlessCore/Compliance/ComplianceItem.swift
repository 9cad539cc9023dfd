/// One compliance item of a resource: a check, patch or association and how the resource stands on it.
public struct ComplianceItem: Sendable, Codable, Hashable {
    /// The item's ID (optional on the wire; PARTIAL uploads match stored items by it).
    public var id: String?
    public var title: String?
    public var severity: ComplianceSeverity
    public var status: ComplianceStatus
    /// Free `key: value` facts about the item.
    public var details: [String: String]

    public init(id: String?, title: String? = nil, severity: ComplianceSeverity, status: ComplianceStatus, details: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.severity = severity
        self.status = status
        self.details = details
    }

    /// The bytes the item's content takes (UTF-8 of its ID, title and details), which the size limits count.
    public var contentSize: Int {
        (id?.utf8.count ?? 0) + (title?.utf8.count ?? 0) + details.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
    }
}
