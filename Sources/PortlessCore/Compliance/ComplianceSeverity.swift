/// A compliance item's severity, as SSM spells it, from the most severe down.
public enum ComplianceSeverity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case critical = "CRITICAL"
    case high = "HIGH"
    case medium = "MEDIUM"
    case low = "LOW"
    case informational = "INFORMATIONAL"
    case unspecified = "UNSPECIFIED"

    /// Higher is more severe: UNSPECIFIED 0 … CRITICAL 5.
    public var rank: Int { Self.allCases.count - 1 - Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
