/// What CloudTrail keeps of a request's or reply's fields: names in camelCase (`InstanceIds` →
/// `instanceIds`), and no secret — secret keys, session tokens, passwords, MFA codes and seeds,
/// plaintexts, private keys, and the value of a SecureString parameter are replaced by
/// ``hidden``; values longer than ``longestValue`` bytes by a note of their size.
public enum AuditRedaction {
    /// The text CloudTrail puts where it withholds a value.
    public static let hidden = "HIDDEN_DUE_TO_SECURITY_REASONS"
    /// Longer string values (a scan bundle's archive, a large document) are replaced by a note of their length.
    public static let longestValue = 64 << 10

    /// Field names (lowercased) whose values are never recorded.
    static let secretFields: Set<String> = [
        "secretaccesskey", "sessiontoken", "password", "newpassword", "oldpassword", "privatekey", "plaintext",
        "authenticationcode1", "authenticationcode2", "tokencode", "activationcode", "base32stringseed", "qrcodepng",
        "signature", "secretstring", "secretbinary", "securitytoken",
    ]

    /// `value` with keys in camelCase and secrets hidden.
    public static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let fields):
            let secureString = fields.contains { $0.key.lowercased() == "type" && $0.value == .string("SecureString") }
            var out: [String: JSONValue] = [:]
            for (key, field) in fields {
                let lowered = key.lowercased()
                let hide = secretFields.contains(lowered) || (secureString && lowered == "value")
                out[camelCase(key)] = hide ? .string(hidden) : redact(field)
            }
            return .object(out)
        case .array(let items):
            return .array(items.map(redact))
        case .string(let text) where text.utf8.count > longestValue:
            return .string("OMITTED: \(text.utf8.count) bytes")
        default:
            return value
        }
    }

    /// `Name` → `name`: a leading run of capitals is lowered up to the last one before a lowercase letter
    /// (`IAMRole` → `iamRole`, `KMSKeyId` → `kmsKeyId`).
    public static func camelCase(_ key: String) -> String {
        let characters = Array(key)
        guard let first = characters.first, first.isUppercase else { return key }
        var upperRun = 0
        while upperRun < characters.count, characters[upperRun].isUppercase { upperRun += 1 }
        let lowerCount = upperRun == characters.count ? upperRun : max(1, upperRun - 1)
        return String(characters[..<lowerCount]).lowercased() + String(characters[lowerCount...])
    }

    /// Query-protocol parameters (`UserName=alice`, `Tags.member.1.Key=k`) as CloudTrail's fields
    /// (`userName`, `tags: [{key: k}]`), without `Action` and `Version`.
    public static func queryParameters(_ parameters: [String: String]) -> JSONValue {
        var root: [String: JSONValue] = [:]
        for (name, value) in parameters where name != "Action" && name != "Version" {
            insert(value, path: name.split(separator: ".").map(String.init), into: &root)
        }
        return redact(normalize(.object(root)))
    }

    private static func insert(_ value: String, path: [String], into object: inout [String: JSONValue]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = .string(value)
            return
        }
        var child = object[head]?.objectValue ?? [:]
        insert(value, path: Array(path.dropFirst()), into: &child)
        object[head] = .object(child)
    }

    /// `{member: {1: a, 2: b}}` → `[a, b]`, ordered by index.
    private static func normalize(_ value: JSONValue) -> JSONValue {
        guard case .object(let fields) = value else { return value }
        if fields.count == 1, let members = fields["member"]?.objectValue ?? fields["entry"]?.objectValue {
            let ordered = members.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { normalize($0.value) }
            return .array(ordered)
        }
        return .object(fields.mapValues(normalize))
    }
}
