public import Foundation

/// A parameter's type, spelled as SSM spells it.
public enum ParameterType: String, Sendable, Codable, Hashable, CaseIterable {
    case string = "String"
    case stringList = "StringList"
    case secureString = "SecureString"
}

/// A parameter's storage tier, and the limits each sets.
public enum ParameterTier: String, Sendable, Codable, Hashable, CaseIterable {
    case standard = "Standard"
    case advanced = "Advanced"
    case intelligentTiering = "Intelligent-Tiering"

    /// The longest value the tier holds (4 KB standard, 8 KB advanced).
    public var maxValueLength: Int { self == .standard ? 4096 : 8192 }
}

/// One version of a parameter. The current record is the highest version; history keeps the last 100.
public struct ParameterRecord: Sendable, Codable, Hashable {
    public var accountId: String
    public var name: String
    public var type: ParameterType
    /// The value as stored: plain text, or for a SecureString the base64 KMS ciphertext blob.
    public var value: String
    /// The KMS key of a SecureString as the request named it (`alias/aws/ssm` by default).
    public var keyId: String?
    public var version: Int
    public var lastModifiedDate: Date
    /// The ARN of who wrote this version.
    public var lastModifiedUser: String
    public var description: String?
    public var allowedPattern: String?
    /// `Standard` or `Advanced` (Intelligent-Tiering resolves to one of them).
    public var tier: ParameterTier
    public var policies: [ParameterPolicy]
    public var dataType: String
    public var labels: [String]

    public init(accountId: String, name: String, type: ParameterType, value: String, keyId: String?, version: Int,
                lastModifiedDate: Date, lastModifiedUser: String, description: String?, allowedPattern: String?,
                tier: ParameterTier, policies: [ParameterPolicy], dataType: String, labels: [String] = []) {
        self.accountId = accountId
        self.name = name
        self.type = type
        self.value = value
        self.keyId = keyId
        self.version = version
        self.lastModifiedDate = lastModifiedDate
        self.lastModifiedUser = lastModifiedUser
        self.description = description
        self.allowedPattern = allowedPattern
        self.tier = tier
        self.policies = policies
        self.dataType = dataType
        self.labels = labels
    }

    /// When an `Expiration` policy deletes the parameter, if one does.
    public var expiresAt: Date? { policies.compactMap(\.expiration).min() }

    /// Whether the parameter has expired at `now` (it is then gone).
    public func isExpired(at now: Date) -> Bool { expiresAt.map { $0 <= now } ?? false }
}
