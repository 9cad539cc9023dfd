import Foundation
import PortlessCore

/// Every member a `TrentService.*` request may carry (binary members are base64 on the JSON 1.1 wire).
struct KMSRequest: Decodable, Sendable {
    var keyId: String?
    var description: String?
    var policy: String?
    var policyName: String?
    var bypassPolicyLockoutSafetyCheck: Bool?
    var tags: [KMSTagShape]?
    var keyUsage: String?
    var keySpec: String?
    var customerMasterKeySpec: String?
    var origin: String?
    var aliasName: String?
    var targetKeyId: String?
    var pendingWindowInDays: Int?
    var rotationPeriodInDays: Int?
    var plaintext: Data?
    var ciphertextBlob: Data?
    var encryptionContext: [String: String]?
    var encryptionAlgorithm: String?
    var numberOfBytes: Int?
    var sourceKeyId: String?
    var sourceEncryptionContext: [String: String]?
    var destinationKeyId: String?
    var destinationEncryptionContext: [String: String]?
    var limit: Int?
    var marker: String?

    enum CodingKeys: String, CodingKey {
        case keyId = "KeyId", description = "Description", policy = "Policy", policyName = "PolicyName", tags = "Tags"
        case bypassPolicyLockoutSafetyCheck = "BypassPolicyLockoutSafetyCheck"
        case keyUsage = "KeyUsage", keySpec = "KeySpec", customerMasterKeySpec = "CustomerMasterKeySpec", origin = "Origin"
        case aliasName = "AliasName", targetKeyId = "TargetKeyId", pendingWindowInDays = "PendingWindowInDays"
        case rotationPeriodInDays = "RotationPeriodInDays", plaintext = "Plaintext", ciphertextBlob = "CiphertextBlob"
        case encryptionContext = "EncryptionContext", encryptionAlgorithm = "EncryptionAlgorithm", numberOfBytes = "NumberOfBytes"
        case sourceKeyId = "SourceKeyId", sourceEncryptionContext = "SourceEncryptionContext", destinationKeyId = "DestinationKeyId"
        case destinationEncryptionContext = "DestinationEncryptionContext", limit = "Limit", marker = "Marker"
    }
}

/// KMS spells tags `TagKey`/`TagValue`.
struct KMSTagShape: Codable, Sendable {
    var tagKey: String
    var tagValue: String
    enum CodingKeys: String, CodingKey { case tagKey = "TagKey", tagValue = "TagValue" }
}

/// `KeyMetadata` of a symmetric key.
struct KeyMetadataShape: Encodable {
    var awsAccountId: String
    var keyId: String
    var arn: String
    var creationDate: Date
    var enabled: Bool
    var description: String
    var keyUsage = "ENCRYPT_DECRYPT"
    var keyState: String
    var deletionDate: Date?
    var pendingDeletionWindowInDays: Int?
    var origin = "AWS_KMS"
    var keyManager: String
    var customerMasterKeySpec = "SYMMETRIC_DEFAULT"
    var keySpec = "SYMMETRIC_DEFAULT"
    var encryptionAlgorithms = ["SYMMETRIC_DEFAULT"]
    var multiRegion = false

    enum CodingKeys: String, CodingKey {
        case awsAccountId = "AWSAccountId", keyId = "KeyId", arn = "Arn", creationDate = "CreationDate", enabled = "Enabled"
        case description = "Description", keyUsage = "KeyUsage", keyState = "KeyState", deletionDate = "DeletionDate"
        case pendingDeletionWindowInDays = "PendingDeletionWindowInDays", origin = "Origin", keyManager = "KeyManager"
        case customerMasterKeySpec = "CustomerMasterKeySpec", keySpec = "KeySpec", encryptionAlgorithms = "EncryptionAlgorithms"
        case multiRegion = "MultiRegion"
    }

    init(_ key: KMSKeyRecord, region: String) {
        awsAccountId = key.accountId
        keyId = key.keyId
        arn = key.arn(region: region)
        creationDate = key.creationDate
        enabled = key.state == .enabled
        description = key.description
        keyState = key.state.rawValue
        deletionDate = key.deletionDate
        pendingDeletionWindowInDays = key.pendingWindowInDays
        keyManager = key.manager.rawValue
    }
}

/// `AliasListEntry`.
struct AliasShape: Encodable {
    var aliasName: String
    var aliasArn: String
    var targetKeyId: String
    var creationDate: Date
    var lastUpdatedDate: Date

    enum CodingKeys: String, CodingKey {
        case aliasName = "AliasName", aliasArn = "AliasArn", targetKeyId = "TargetKeyId", creationDate = "CreationDate", lastUpdatedDate = "LastUpdatedDate"
    }

    init(_ alias: KMSAliasRecord, region: String) {
        aliasName = alias.aliasName
        aliasArn = alias.arn(region: region)
        targetKeyId = alias.targetKeyId
        creationDate = alias.creationDate
        lastUpdatedDate = alias.lastUpdatedDate
    }
}

/// A KMS list reply: the items under `key`, `Truncated`, and `NextMarker` when there are more.
struct KMSListReply<Item: Encodable>: Encodable {
    var key: String
    var items: [Item]
    var nextMarker: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ListReply<Item>.Key.self)
        try container.encode(items, forKey: .init(stringValue: key))
        try container.encode(nextMarker != nil, forKey: .init(stringValue: "Truncated"))
        try container.encodeIfPresent(nextMarker, forKey: .init(stringValue: "NextMarker"))
    }
}
