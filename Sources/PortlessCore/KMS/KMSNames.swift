/// KMS's names: key and alias ARNs, how a `KeyId` parameter names a key, and the rules for alias names.
public enum KMSNames {
    /// AWS reserves aliases under this prefix for the keys its services make.
    public static let reservedAliasPrefix = "alias/aws/"
    /// The key Parameter Store uses when a SecureString names none.
    public static let ssmManagedAlias = "alias/aws/ssm"

    public static func keyArn(region: String, account: String, keyId: String) -> String { "arn:aws:kms:\(region):\(account):key/\(keyId)" }

    public static func aliasArn(region: String, account: String, aliasName: String) -> String { "arn:aws:kms:\(region):\(account):\(aliasName)" }

    /// How a `KeyId` names a key: by its ID, its ARN, an alias name or an alias ARN.
    public enum Reference: Sendable, Hashable {
        case keyId(String)
        case keyArn(account: String, keyId: String)
        case alias(String)
        case aliasArn(account: String, aliasName: String)

        /// The account the reference names, or nil for the caller's own.
        public var account: String? {
            switch self {
            case .keyId, .alias: nil
            case .keyArn(let account, _), .aliasArn(let account, _): account
            }
        }
    }

    /// Parses a `KeyId`; anything else is KMS's `NotFoundException` ("Invalid keyId").
    public static func reference(_ text: String, region: String) throws -> Reference {
        if text.hasPrefix("alias/") { return .alias(text) }
        if text.hasPrefix("arn:") {
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[1] == "aws", parts[2] == "kms", parts[3] == region, isAccountId(parts[4]) else {
                throw KMSErrors.invalidKeyId(text)
            }
            let resource = String(parts[5])
            if resource.hasPrefix("key/"), Identifiers.isUUID(String(resource.dropFirst(4))) {
                return .keyArn(account: String(parts[4]), keyId: String(resource.dropFirst(4)))
            }
            if resource.hasPrefix("alias/") { return .aliasArn(account: String(parts[4]), aliasName: resource) }
            throw KMSErrors.invalidKeyId(text)
        }
        guard Identifiers.isUUID(text) else { throw KMSErrors.invalidKeyId(text) }
        return .keyId(text)
    }

    /// Checks an alias name for CreateAlias/UpdateAlias/DeleteAlias as KMS does: `alias/` then letters, digits, `/_-`,
    /// at most 256 characters, and never under `alias/aws/`.
    public static func validateAliasName(_ name: String, field: String = "AliasName") throws {
        guard name.count <= 256 else { throw ConstraintViolation.error(.validation, value: name, field: field, .maxLength(256)) }
        guard name.unicodeScalars.allSatisfy(aliasCharacters.contains) else {
            throw ConstraintViolation.error(.validation, value: name, field: field, .pattern("^[a-zA-Z0-9:/_-]+$"))
        }
        guard name.hasPrefix("alias/"), name.count > 6, !name.contains(":") else {
            throw PortlessError(aws: .validation, "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html", field: field)
        }
        guard !name.lowercased().hasPrefix(reservedAliasPrefix) else { throw KMSErrors.reservedAlias }
    }

    private static let aliasCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/_-".unicodeScalars)

    private static func isAccountId(_ text: Substring) -> Bool { text.count == 12 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) }
}
