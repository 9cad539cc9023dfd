/// The input rules of AWS Organizations (from its service model); a broken rule is an
/// `InvalidInputException` naming the field.
public enum OrganizationValidation {
    public static func email(_ value: String) throws {
        guard (6...64).contains(value.count) else { throw invalid("Email", "must be 6 to 64 characters") }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !value.contains(where: \.isWhitespace),
              let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex, parts[1].index(after: dot) != parts[1].endIndex
        else { throw invalid("Email", "must match [^\\s@]+@[^\\s@]+\\.[^\\s@]+") }
    }

    public static func accountName(_ value: String) throws {
        guard (1...50).contains(value.count) else { throw invalid("AccountName", "must be 1 to 50 characters") }
        guard value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            throw invalid("AccountName", "must match [\\u0020-\\u007E]+")
        }
    }

    public static func policyName(_ value: String) throws {
        guard (1...128).contains(value.count) else { throw invalid("Name", "must be 1 to 128 characters") }
    }

    public static func policyDescription(_ value: String) throws {
        guard value.count <= 512 else { throw invalid("Description", "must be at most 512 characters") }
    }

    /// `^\d{12}$`.
    public static func isAccountId(_ value: String) -> Bool { value.utf8.count == 12 && value.utf8.allSatisfy { (0x30...0x39).contains($0) } }

    /// `^p-[0-9a-zA-Z_]{8,128}$`.
    public static func isPolicyId(_ value: String) -> Bool {
        guard value.hasPrefix("p-") else { return false }
        let rest = value.utf8.dropFirst(2)
        return (8...128).contains(rest.count) && rest.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") }
    }

    /// `^car-[a-z0-9]{8,32}$`.
    public static func isCreateAccountRequestId(_ value: String) -> Bool {
        guard value.hasPrefix("car-") else { return false }
        let rest = value.utf8.dropFirst(4)
        return (8...32).contains(rest.count) && rest.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func invalid(_ field: String, _ rule: String) -> PortlessError {
        PortlessError(.invalidInputOrganizations, "\(field) \(rule).", field: field)
    }
}
