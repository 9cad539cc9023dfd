/// The request's condition keys (`aws:username`, `aws:PrincipalTag/team`, `ssm:resourceTag/team`, `s3:prefix`, …).
/// Keys are compared case-insensitively, as AWS compares condition key names (tag keys inside them too);
/// values keep their case. A key set to `nil` or `[]` is missing.
public struct AuthorizationContext: Sendable {
    var values: [String: [ConditionValue]] = [:]

    public init() {}

    public init(_ values: [String: [ConditionValue]]) {
        for (key, value) in values { self[key] = value }
    }

    public subscript(key: String) -> [ConditionValue]? {
        get { values[key.lowercased()] }
        set { values[key.lowercased()] = newValue?.isEmpty == true ? nil : newValue }
    }

    /// Sets a single-valued string key.
    public mutating func set(_ key: String, _ value: String) { self[key] = [.string(value)] }

    /// The values under an already lowercased key.
    func values(lowercasedKey key: String) -> [ConditionValue]? { values[key] }
}
