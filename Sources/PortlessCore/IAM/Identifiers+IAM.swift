extension Identifiers {
    private static let iamIdAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// A user ID (`AIDA…`, 21 characters).
    public static func userID() -> String { "AIDA" + iamSuffix() }
    /// A group ID (`AGPA…`, 21 characters).
    public static func groupID() -> String { "AGPA" + iamSuffix() }
    /// A managed policy ID (`ANPA…`, 21 characters).
    public static func policyID() -> String { "ANPA" + iamSuffix() }

    /// 17 random upper-case letters and digits.
    private static func iamSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<17).map { _ in iamIdAlphabet[Int.random(in: 0..<iamIdAlphabet.count, using: &generator)] })
    }
}
