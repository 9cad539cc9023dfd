extension Identifiers {
    private static let idAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    private static let tokenAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// A temporary access key ID (`ASIA…`, 20 characters), issued by STS with a session token.
    public static func temporaryAccessKeyID() -> String { "ASIA" + randomString(16, from: idAlphabet) }

    /// A role ID (`AROA…`, 21 characters).
    public static func roleID() -> String { "AROA" + randomString(17, from: idAlphabet) }

    /// A session token: 256 random characters (about 1,500 bits).
    public static func sessionToken() -> String { randomString(256, from: tokenAlphabet) }

    /// Whether `accessKeyId` names temporary credentials (`ASIA…`).
    public static func isTemporaryAccessKeyID(_ accessKeyId: String) -> Bool { accessKeyId.hasPrefix("ASIA") }

    private static func randomString(_ count: Int, from alphabet: [Character]) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
