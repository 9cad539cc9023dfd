/// A check's verdict, as the bundle prints it.
public enum CheckStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// The criterion is met (양호).
    case pass = "PASS"
    /// The criterion is not met (취약).
    case fail = "FAIL"
    /// The thing checked is absent (해당 없음).
    case notApplicable = "NA"
    /// A person must judge the listed items (수동 확인).
    case manual = "MANUAL"
    /// The check could not run (broken, timed out, unreadable output).
    case error = "ERROR"
}

/// A check's importance in the KISA guide: 상/중/하.
public enum CheckSeverity: String, Sendable, Codable, CaseIterable, Hashable {
    case high = "High"
    case medium = "Medium"
    case low = "Low"

    /// The weight of a check of this importance in a node's score.
    public var weight: Int {
        switch self {
        case .high: 3
        case .medium: 2
        case .low: 1
        }
    }
}
