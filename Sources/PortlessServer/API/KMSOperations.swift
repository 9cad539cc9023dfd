import Foundation
import PortlessCore

/// The `TrentService.*` (KMS) operations: each decodes its input, calls the KMS service and encodes KMS's reply.
struct KMSOperations: Sendable {
    static let targetPrefix = "TrentService."

    let kms: KMSService

    /// Runs `operation` (the part after the target prefix) and returns the JSON reply body.
    func handle(_ operation: String, body: Data, principal: Principal, facts: CallFacts) async throws -> Data {
        let request = try WireCoding.decode(KMSRequest.self, from: body.isEmpty ? Data("{}".utf8) : body)
        let caller = KMSCaller(principal: principal, facts: facts)
        let region = kms.region
        switch operation {
        case "CreateKey":
            try checkSymmetric(request)
            let key = try await kms.createKey(description: request.description, policy: request.policy,
                                              bypassLockoutCheck: request.bypassPolicyLockoutSafetyCheck ?? false, tags: (request.tags ?? []).map { Tag(key: $0.tagKey, value: $0.tagValue) }, caller: caller)
            return try encode(["KeyMetadata": KeyMetadataShape(key, region: region)])
        case "DescribeKey":
            let key = try await kms.key(try required(request.keyId, "KeyId"), for: "kms:DescribeKey", caller: caller)
            return try encode(["KeyMetadata": KeyMetadataShape(key, region: region)])
        case "ListKeys":
            let (items, marker) = try page(try await kms.keys(caller: caller), request)
            return try encode(KMSListReply(key: "Keys", items: items.map { ["KeyId": $0.keyId, "KeyArn": $0.arn(region: region)] }, nextMarker: marker))
        case "EnableKey", "DisableKey":
            try await kms.setEnabled(try required(request.keyId, "KeyId"), operation == "EnableKey", caller: caller)
            return Data("{}".utf8)
        case "ScheduleKeyDeletion":
            let key = try await kms.scheduleDeletion(try required(request.keyId, "KeyId"), days: request.pendingWindowInDays, caller: caller)
            return try encode(ScheduleKeyDeletionReply(keyId: key.arn(region: region), deletionDate: key.deletionDate,
                                                       keyState: key.state.rawValue, pendingWindowInDays: key.pendingWindowInDays))
        case "CancelKeyDeletion":
            let key = try await kms.cancelDeletion(try required(request.keyId, "KeyId"), caller: caller)
            return try encode(["KeyId": key.arn(region: region)])
        case "EnableKeyRotation", "DisableKeyRotation":
            try await kms.setRotation(try required(request.keyId, "KeyId"), enabled: operation == "EnableKeyRotation",
                                      periodInDays: request.rotationPeriodInDays, caller: caller)
            return Data("{}".utf8)
        case "GetKeyRotationStatus":
            let key = try await kms.key(try required(request.keyId, "KeyId"), for: "kms:GetKeyRotationStatus", caller: caller)
            return try encode(RotationStatusReply(keyRotationEnabled: key.rotationEnabled, keyId: key.arn(region: region),
                                                  rotationPeriodInDays: key.rotationPeriodInDays, nextRotationDate: key.nextRotationDate))
        case "RotateKeyOnDemand":
            let key = try await kms.rotateNow(try required(request.keyId, "KeyId"), caller: caller)
            return try encode(["KeyId": key.arn(region: region)])
        case "GetKeyPolicy":
            let key = try await kms.key(try required(request.keyId, "KeyId"), for: "kms:GetKeyPolicy", caller: caller)
            try KMSValidation.policyName(request.policyName)
            return try encode(["Policy": key.policy, "PolicyName": "default"])
        case "PutKeyPolicy":
            try await kms.putPolicy(try required(request.keyId, "KeyId"), name: request.policyName, policy: try required(request.policy, "Policy"),
                                    bypassLockoutCheck: request.bypassPolicyLockoutSafetyCheck ?? false, caller: caller)
            return Data("{}".utf8)
        case "ListResourceTags":
            let key = try await kms.key(try required(request.keyId, "KeyId"), for: "kms:ListResourceTags", caller: caller)
            return try encode(KMSListReply(key: "Tags", items: key.tags.map { KMSTagShape(tagKey: $0.key, tagValue: $0.value) }, nextMarker: nil))
        case "CreateAlias":
            try await kms.createAlias(try required(request.aliasName, "AliasName"), targetKeyId: try required(request.targetKeyId, "TargetKeyId"),
                                      caller: caller)
            return Data("{}".utf8)
        case "UpdateAlias":
            try await kms.updateAlias(try required(request.aliasName, "AliasName"), targetKeyId: try required(request.targetKeyId, "TargetKeyId"),
                                      caller: caller)
            return Data("{}".utf8)
        case "DeleteAlias":
            try await kms.deleteAlias(try required(request.aliasName, "AliasName"), caller: caller)
            return Data("{}".utf8)
        case "ListAliases":
            let (items, marker) = try page(try await kms.aliases(keyId: request.keyId, caller: caller), request)
            return try encode(KMSListReply(key: "Aliases", items: items.map { AliasShape($0, region: region) }, nextMarker: marker))
        case "Encrypt":
            try checkAlgorithm(request.encryptionAlgorithm)
            let (key, blob) = try await kms.encrypt(try required(request.plaintext, "Plaintext"), keyId: try required(request.keyId, "KeyId"),
                                                    context: request.encryptionContext ?? [:], caller: caller)
            return try encode(CryptoReply(keyId: key.arn(region: region), ciphertextBlob: blob))
        case "Decrypt":
            try checkAlgorithm(request.encryptionAlgorithm)
            let (key, plaintext) = try await kms.decrypt(try required(request.ciphertextBlob, "CiphertextBlob"), keyId: request.keyId,
                                                         context: request.encryptionContext ?? [:], caller: caller)
            return try encode(CryptoReply(keyId: key.arn(region: region), plaintext: plaintext))
        case "GenerateDataKey", "GenerateDataKeyWithoutPlaintext":
            let (key, plaintext, blob) = try await kms.generateDataKey(keyId: try required(request.keyId, "KeyId"), numberOfBytes: request.numberOfBytes,
                                                                       keySpec: request.keySpec, context: request.encryptionContext ?? [:],
                                                                       caller: caller, action: "kms:\(operation)")
            return try encode(CryptoReply(keyId: key.arn(region: region), ciphertextBlob: blob,
                                          plaintext: operation == "GenerateDataKey" ? plaintext : nil, algorithm: nil))
        case "ReEncrypt":
            let (source, destination, blob) = try await kms.reEncrypt(
                try required(request.ciphertextBlob, "CiphertextBlob"), sourceKeyId: request.sourceKeyId,
                sourceContext: request.sourceEncryptionContext ?? [:], destinationKeyId: try required(request.destinationKeyId, "DestinationKeyId"),
                destinationContext: request.destinationEncryptionContext ?? [:], caller: caller)
            return try encode(ReEncryptReply(ciphertextBlob: blob, sourceKeyId: source.arn(region: region), keyId: destination.arn(region: region)))
        default:
            throw PortlessError(.unknownOperation, "Operation \(Self.targetPrefix)\(operation) is not supported.", field: "X-Amz-Target")
        }
    }

    /// Portless makes symmetric encryption keys in KMS only.
    private func checkSymmetric(_ request: KMSRequest) throws {
        if let usage = request.keyUsage, usage != "ENCRYPT_DECRYPT" {
            throw PortlessError(.kmsUnsupportedOperation, "Portless supports only ENCRYPT_DECRYPT keys, not \(usage).", field: "KeyUsage")
        }
        for (field, spec) in [("KeySpec", request.keySpec), ("CustomerMasterKeySpec", request.customerMasterKeySpec)] {
            if let spec, spec != "SYMMETRIC_DEFAULT" {
                throw PortlessError(.kmsUnsupportedOperation, "Portless supports only SYMMETRIC_DEFAULT keys, not \(spec).", field: field)
            }
        }
        if let origin = request.origin, origin != "AWS_KMS" {
            throw PortlessError(.kmsUnsupportedOperation, "Portless supports only keys whose material KMS makes (AWS_KMS), not \(origin).", field: "Origin")
        }
    }

    private func checkAlgorithm(_ algorithm: String?) throws {
        guard let algorithm, algorithm != "SYMMETRIC_DEFAULT" else { return }
        throw PortlessError(.kmsUnsupportedOperation, "Symmetric keys encrypt only with SYMMETRIC_DEFAULT, not \(algorithm).", field: "EncryptionAlgorithm")
    }

    private func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw ConstraintViolation.error(.validation, value: nil, field: field, .notNull) }
        return value
    }

    /// `Limit` (1–1000, 100 by default) and `Marker` over a list.
    private func page<T>(_ items: [T], _ request: KMSRequest) throws -> ([T], String?) {
        let limit = request.limit ?? 100
        guard (1...1000).contains(limit) else {
            throw ConstraintViolation.error(.validation, value: String(limit), field: "Limit", limit < 1 ? .minValue(1) : .maxValue(1000))
        }
        let offset: Int
        do {
            offset = try Pagination.offset(from: request.marker)
        } catch {
            throw PortlessError(.kmsInvalidMarker, "The marker is not valid.", field: "Marker")
        }
        return Pagination.page(items, offset: offset, limit: limit)
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
}

/// Encrypt, Decrypt and GenerateDataKey replies.
private struct CryptoReply: Encodable {
    var keyId: String
    var ciphertextBlob: Data?
    var plaintext: Data?
    var algorithm: String? = "SYMMETRIC_DEFAULT"

    enum CodingKeys: String, CodingKey {
        case keyId = "KeyId", ciphertextBlob = "CiphertextBlob", plaintext = "Plaintext", algorithm = "EncryptionAlgorithm"
    }
}

private struct ReEncryptReply: Encodable {
    var ciphertextBlob: Data
    var sourceKeyId: String
    var keyId: String
    var sourceEncryptionAlgorithm = "SYMMETRIC_DEFAULT"
    var destinationEncryptionAlgorithm = "SYMMETRIC_DEFAULT"

    enum CodingKeys: String, CodingKey {
        case ciphertextBlob = "CiphertextBlob", sourceKeyId = "SourceKeyId", keyId = "KeyId"
        case sourceEncryptionAlgorithm = "SourceEncryptionAlgorithm", destinationEncryptionAlgorithm = "DestinationEncryptionAlgorithm"
    }
}

private struct ScheduleKeyDeletionReply: Encodable {
    var keyId: String
    var deletionDate: Date?
    var keyState: String
    var pendingWindowInDays: Int?

    enum CodingKeys: String, CodingKey {
        case keyId = "KeyId", deletionDate = "DeletionDate", keyState = "KeyState", pendingWindowInDays = "PendingWindowInDays"
    }
}

private struct RotationStatusReply: Encodable {
    var keyRotationEnabled: Bool
    var keyId: String
    var rotationPeriodInDays: Int?
    var nextRotationDate: Date?

    enum CodingKeys: String, CodingKey {
        case keyRotationEnabled = "KeyRotationEnabled", keyId = "KeyId", rotationPeriodInDays = "RotationPeriodInDays", nextRotationDate = "NextRotationDate"
    }
}
