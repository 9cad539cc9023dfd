/// Generators and checks for the identifiers Portless hands out, in AWS's formats.
public enum Identifiers {
    private static let hexDigits = Array("0123456789abcdef")
    private static let upperAlphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    private static let secretAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// A managed-node ID: `mi-` and 17 lower-case hex digits.
    public static func nodeID() -> String { "mi-" + random(17, from: hexDigits) }

    /// A session ID: the caller's user name, a hyphen and 17 hex digits (policies match `session/${aws:username}-*`).
    public static func sessionID(userName: String) -> String { "\(userName)-" + random(17, from: hexDigits) }

    /// A 12-digit account ID that does not start with 0.
    public static func accountID() -> String {
        String(Int.random(in: 1...9)) + random(11, from: Array("0123456789"))
    }

    /// A lower-case UUID, as SSM uses for command and activation IDs.
    public static func uuid() -> String { UUIDString.random() }

    /// An activation code: 20 characters, as SSM's.
    public static func activationCode() -> String { random(20, from: secretAlphabet.filter { $0.isLetter || $0.isNumber }) }

    /// A long-term access key ID (`AKIA…`, 20 characters).
    public static func accessKeyID() -> String { "AKIA" + random(16, from: upperAlphanumerics) }

    /// A 40-character secret access key.
    public static func secretAccessKey() -> String { random(40, from: secretAlphabet) }

    /// Whether `value` is a well-formed managed-node ID.
    public static func isNodeID(_ value: String) -> Bool {
        guard value.hasPrefix("mi-") else { return false }
        let rest = value.dropFirst(3)
        return rest.count == 17 && rest.allSatisfy { hexDigits.contains($0) }
    }

    /// Whether `value` is a lower- or upper-case UUID string.
    public static func isUUID(_ value: String) -> Bool { UUIDString.isValid(value) }

    /// A scan ID: `scan-` and 17 lowercase hex digits.
    public static func scanID() -> String { "scan-" + random(17, from: hexDigits) }

    /// Whether `value` is a scan ID.
    public static func isScanID(_ value: String) -> Bool {
        value.count == 22 && value.hasPrefix("scan-") && value.dropFirst(5).allSatisfy { hexDigits.contains($0) }
    }

    static func random(_ count: Int, from alphabet: [Character]) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
