public import Foundation

/// A KMS key's state, spelled as KMS spells it.
public enum KMSKeyState: String, Sendable, Codable, Hashable {
    case enabled = "Enabled"
    case disabled = "Disabled"
    case pendingDeletion = "PendingDeletion"
}

/// Who manages a key: the account (`CUSTOMER`) or a service on its behalf (`AWS`, e.g. `alias/aws/ssm`).
public enum KMSKeyManager: String, Sendable, Codable, Hashable {
    case customer = "CUSTOMER"
    case aws = "AWS"
}

/// One version of a key's 256-bit material, sealed under the server keyring: it never leaves the server.
public struct KMSKeyMaterial: Sendable, Codable, Hashable {
    /// 1 for the material the key was made with; rotation adds the next.
    public var version: UInt32
    /// The material sealed under the keyring (nonce, ciphertext and tag).
    public var sealed: Data
    public var createdAt: Date

    public init(version: UInt32, sealed: Data, createdAt: Date) {
        self.version = version
        self.sealed = sealed
        self.createdAt = createdAt
    }
}

/// A symmetric KMS key (`SYMMETRIC_DEFAULT`, `ENCRYPT_DECRYPT`) of one account.
public struct KMSKeyRecord: Sendable, Codable, Hashable {
    /// A UUID, unique across accounts.
    public var keyId: String
    public var accountId: String
    public var description: String
    public var state: KMSKeyState
    public var manager: KMSKeyManager
    public var creationDate: Date
    /// When a key pending deletion is deleted.
    public var deletionDate: Date?
    public var pendingWindowInDays: Int?
    public var rotationEnabled: Bool = false
    public var rotationPeriodInDays: Int?
    public var nextRotationDate: Date?
    /// Every material version, oldest first; the last encrypts, all decrypt.
    public var materials: [KMSKeyMaterial]
    /// The key policy (the key's resource policy).
    public var policy: String
    public var tags: [Tag] = []

    public init(keyId: String, accountId: String, description: String, state: KMSKeyState, manager: KMSKeyManager,
                creationDate: Date, materials: [KMSKeyMaterial], policy: String) {
        self.keyId = keyId
        self.accountId = accountId
        self.description = description
        self.state = state
        self.manager = manager
        self.creationDate = creationDate
        self.materials = materials
        self.policy = policy
    }

    /// `arn:aws:kms:REGION:ACCOUNT:key/ID`.
    public func arn(region: String) -> String { KMSNames.keyArn(region: region, account: accountId, keyId: keyId) }

    /// The material that encrypts now.
    public var currentMaterial: KMSKeyMaterial? { materials.last }

    /// Whether a key pending deletion has reached its deletion date (it is then gone).
    public func isDeleted(at now: Date) -> Bool {
        state == .pendingDeletion && (deletionDate.map { $0 <= now } ?? false)
    }
}

/// An alias of a key in one account (`alias/NAME`).
public struct KMSAliasRecord: Sendable, Codable, Hashable {
    public var accountId: String
    public var aliasName: String
    public var targetKeyId: String
    public var creationDate: Date
    public var lastUpdatedDate: Date

    public init(accountId: String, aliasName: String, targetKeyId: String, creationDate: Date) {
        self.accountId = accountId
        self.aliasName = aliasName
        self.targetKeyId = targetKeyId
        self.creationDate = creationDate
        self.lastUpdatedDate = creationDate
    }

    /// `arn:aws:kms:REGION:ACCOUNT:alias/NAME`.
    public func arn(region: String) -> String { KMSNames.aliasArn(region: region, account: accountId, aliasName: aliasName) }
}
