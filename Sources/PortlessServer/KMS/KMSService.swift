import Crypto
import Foundation
import PortlessCore

/// KMS: per-account symmetric keys and aliases, their states and policies, and encryption under them. Key
/// material is made here, sealed under the server keyring and opened only to encrypt or decrypt; every use of a
/// key is decided by the authorizer with the key policy as the key's resource policy.
struct KMSService: Sendable {
    let store: any KMSStore
    let keyring: Keyring
    let authorizer: Authorizer
    let region: String

    // MARK: Keys

    /// CreateKey: a symmetric key with its first material and the given policy or KMS's default one.
    func createKey(description: String?, policy: String?, bypassLockoutCheck: Bool = false, tags: [Tag], caller: KMSCaller,
                   now: Date = Date()) async throws -> KMSKeyRecord {
        let text = policy ?? KMSKeyPolicies.default(account: caller.accountId)
        try KMSValidation.description(description)
        try KMSValidation.policy(text)
        let key = try newKey(account: caller.accountId, description: description ?? "", manager: .customer, policy: text, now: now)
        if !bypassLockoutCheck { try await checkLockout(text, key: key, caller: caller) }
        var tagged = key
        tagged.tags = tags
        try await store.insertKMSKey(tagged, alias: nil)
        return tagged
    }

    /// The key `keyId` names for `action` (key ID, key ARN, alias name or alias ARN), once the caller is allowed
    /// `action` on it. An AWS-managed alias (`alias/aws/ssm`) names a key made on first use.
    func key(_ keyId: String, for action: String, caller: KMSCaller, now: Date = Date()) async throws -> KMSKeyRecord {
        let key = try await find(keyId, caller: caller, now: now)
        try await authorize(action, key: key, caller: caller)
        return key
    }

    /// ListKeys: the account's keys (a key past its deletion date is gone).
    func keys(caller: KMSCaller, now: Date = Date()) async throws -> [KMSKeyRecord] {
        try await store.kmsKeys(accountId: caller.accountId).filter { !$0.isDeleted(at: now) }
    }

    /// EnableKey / DisableKey.
    func setEnabled(_ keyId: String, _ enabled: Bool, caller: KMSCaller) async throws {
        let key = try await key(keyId, for: enabled ? "kms:EnableKey" : "kms:DisableKey", caller: caller)
        try await modify(key) { key in
            guard key.state != .pendingDeletion else { throw KMSErrors.pendingDeletion(key.arn(region: region)) }
            key.state = enabled ? .enabled : .disabled
        }
    }

    /// ScheduleKeyDeletion: 7 to 30 days (30 by default) in `PendingDeletion`.
    func scheduleDeletion(_ keyId: String, days: Int?, caller: KMSCaller, now: Date = Date()) async throws -> KMSKeyRecord {
        let window = days ?? 30
        guard window >= 7 else { throw ConstraintViolation.error(.validation, value: String(window), field: "PendingWindowInDays", .minValue(7)) }
        guard window <= 30 else { throw ConstraintViolation.error(.validation, value: String(window), field: "PendingWindowInDays", .maxValue(30)) }
        let key = try await key(keyId, for: "kms:ScheduleKeyDeletion", caller: caller)
        return try await modify(key) { key in
            guard key.state != .pendingDeletion else { throw KMSErrors.pendingDeletion(key.arn(region: region)) }
            key.state = .pendingDeletion
            key.pendingWindowInDays = window
            key.deletionDate = now.addingTimeInterval(TimeInterval(window * 86_400)).wholeSecond
        }
    }

    /// CancelKeyDeletion: the key comes back disabled, as in KMS.
    func cancelDeletion(_ keyId: String, caller: KMSCaller) async throws -> KMSKeyRecord {
        let key = try await key(keyId, for: "kms:CancelKeyDeletion", caller: caller)
        return try await modify(key) { key in
            guard key.state == .pendingDeletion else { throw KMSErrors.notPendingDeletion(key.arn(region: region)) }
            key.state = .disabled
            key.deletionDate = nil
            key.pendingWindowInDays = nil
        }
    }

    /// EnableKeyRotation / DisableKeyRotation (the period is 90 to 2560 days, 365 by default).
    func setRotation(_ keyId: String, enabled: Bool, periodInDays: Int?, caller: KMSCaller, now: Date = Date()) async throws {
        let period = periodInDays ?? 365
        guard (90...2560).contains(period) else {
            throw ConstraintViolation.error(.validation, value: String(period), field: "RotationPeriodInDays", period < 90 ? .minValue(90) : .maxValue(2560))
        }
        let key = try await key(keyId, for: enabled ? "kms:EnableKeyRotation" : "kms:DisableKeyRotation", caller: caller)
        try await modify(key) { key in
            try KMSValidation.requireUsable(key, region: region)
            key.rotationEnabled = enabled
            key.rotationPeriodInDays = enabled ? period : nil
            key.nextRotationDate = enabled ? now.addingTimeInterval(TimeInterval(period * 86_400)).wholeSecond : nil
        }
    }

    /// RotateKeyOnDemand: a new material version encrypts from now on; the old ones still decrypt.
    func rotateNow(_ keyId: String, caller: KMSCaller, now: Date = Date()) async throws -> KMSKeyRecord {
        let key = try await key(keyId, for: "kms:RotateKeyOnDemand", caller: caller)
        let material = try newMaterial(version: UInt32(key.materials.count + 1), now: now)
        return try await modify(key) { key in
            try KMSValidation.requireUsable(key, region: region)
            key.materials.append(material)
        }
    }

    /// PutKeyPolicy (the only policy name is `default`).
    func putPolicy(_ keyId: String, name: String?, policy: String, bypassLockoutCheck: Bool = false, caller: KMSCaller) async throws {
        try KMSValidation.policyName(name)
        try KMSValidation.policy(policy)
        let key = try await key(keyId, for: "kms:PutKeyPolicy", caller: caller)
        if !bypassLockoutCheck { try await checkLockout(policy, key: key, caller: caller) }
        try await modify(key) { key in
            guard key.state != .pendingDeletion else { throw KMSErrors.pendingDeletion(key.arn(region: region)) }
            key.policy = policy
        }
    }

    // MARK: Aliases

    /// CreateAlias: `kms:CreateAlias` on the alias and on the key.
    func createAlias(_ name: String, targetKeyId: String, caller: KMSCaller, now: Date = Date()) async throws {
        try KMSNames.validateAliasName(name)
        let key = try await find(targetKeyId, caller: caller, now: now, field: "TargetKeyId")
        try await authorize("kms:CreateAlias", key: key, caller: caller, also: [aliasResource(name, account: caller.accountId)])
        guard key.state != .pendingDeletion else { throw KMSErrors.pendingDeletion(key.arn(region: region)) }
        guard key.accountId == caller.accountId else { throw KMSErrors.keyNotFound(key.arn(region: region)) }
        let alias = KMSAliasRecord(accountId: caller.accountId, aliasName: name, targetKeyId: key.keyId, creationDate: now.wholeSecond)
        guard try await store.insertKMSAlias(alias) else { throw KMSErrors.aliasExists(alias.arn(region: region)) }
    }

    /// UpdateAlias: points an alias at another key of the account.
    func updateAlias(_ name: String, targetKeyId: String, caller: KMSCaller, now: Date = Date()) async throws {
        try KMSNames.validateAliasName(name)
        guard var alias = try await store.kmsAlias(accountId: caller.accountId, name: name) else {
            throw KMSErrors.aliasNotFound(KMSNames.aliasArn(region: region, account: caller.accountId, aliasName: name))
        }
        let key = try await find(targetKeyId, caller: caller, now: now, field: "TargetKeyId")
        try await authorize("kms:UpdateAlias", key: key, caller: caller, also: [aliasResource(name, account: caller.accountId)])
        guard key.state != .pendingDeletion else { throw KMSErrors.pendingDeletion(key.arn(region: region)) }
        alias.targetKeyId = key.keyId
        alias.lastUpdatedDate = now.wholeSecond
        try await store.updateKMSAlias(alias)
    }

    /// DeleteAlias.
    func deleteAlias(_ name: String, caller: KMSCaller, now: Date = Date()) async throws {
        try KMSNames.validateAliasName(name)
        guard let alias = try await store.kmsAlias(accountId: caller.accountId, name: name) else {
            throw KMSErrors.aliasNotFound(KMSNames.aliasArn(region: region, account: caller.accountId, aliasName: name))
        }
        if let key = try await store.kmsKey(keyId: alias.targetKeyId) {
            try await authorize("kms:DeleteAlias", key: key, caller: caller, also: [aliasResource(name, account: caller.accountId)])
        }
        try await store.deleteKMSAlias(accountId: caller.accountId, name: name)
    }

    /// ListAliases: the account's aliases, or only those of one key.
    func aliases(keyId: String?, caller: KMSCaller, now: Date = Date()) async throws -> [KMSAliasRecord] {
        let all = try await store.kmsAliases(accountId: caller.accountId)
        guard let keyId else { return all }
        let key = try await find(keyId, caller: caller, now: now)
        return all.filter { $0.targetKeyId == key.keyId }
    }

    // MARK: Cryptography

    /// Encrypt: at most 4096 bytes under the key's current material.
    func encrypt(_ plaintext: Data, keyId: String, context: [String: String], caller: KMSCaller, action: String = "kms:Encrypt",
                 now: Date = Date()) async throws -> (key: KMSKeyRecord, blob: Data) {
        try KMSValidation.plaintext(plaintext)
        let key = try await usableKey(keyId, for: action, caller: caller, now: now)
        guard let material = key.currentMaterial else { throw KMSErrors.invalidCiphertext }
        let sealed = try KMSCipher.encrypt(plaintext, keyId: key.keyId, materialVersion: material.version,
                                           material: try open(material), context: context)
        return (key, sealed.blob)
    }

    /// Decrypt: the blob names its key and material version; `keyId`, when given, must name that key.
    func decrypt(_ blob: Data, keyId: String?, context: [String: String], caller: KMSCaller, action: String = "kms:Decrypt",
                 now: Date = Date()) async throws -> (key: KMSKeyRecord, plaintext: Data) {
        let ciphertext = try KMSCiphertext(blob: blob)
        guard let owner = try await store.kmsKey(keyId: ciphertext.keyId), !owner.isDeleted(at: now) else { throw KMSErrors.invalidCiphertext }
        if let keyId {
            let named = try await find(keyId, caller: caller, now: now)
            guard named.keyId == owner.keyId else { throw KMSErrors.incorrectKey }
        }
        try await authorize(action, key: owner, caller: caller)
        try KMSValidation.requireUsable(owner, region: region)
        guard let material = owner.materials.first(where: { $0.version == ciphertext.materialVersion }) else { throw KMSErrors.invalidCiphertext }
        return (owner, try KMSCipher.decrypt(ciphertext, material: try open(material), context: context))
    }

    /// Decrypts a data key a service keeps for a resource that was granted the key (a log group's, made when the key
    /// was associated with it): the key must still be usable, but the reader is the service itself, so no caller is
    /// decided here.
    func unwrapForService(_ blob: Data, context: [String: String], now: Date = Date()) async throws -> Data {
        let ciphertext = try KMSCiphertext(blob: blob)
        guard let owner = try await store.kmsKey(keyId: ciphertext.keyId), !owner.isDeleted(at: now) else { throw KMSErrors.invalidCiphertext }
        try KMSValidation.requireUsable(owner, region: region)
        guard let material = owner.materials.first(where: { $0.version == ciphertext.materialVersion }) else { throw KMSErrors.invalidCiphertext }
        return try KMSCipher.decrypt(ciphertext, material: try open(material), context: context)
    }

    /// A new 256-bit data key a service keeps for a resource of `account`, sealed under the account's AWS managed
    /// key of `service` (`alias/aws/ssm`); the service itself is the caller, so no policy is decided here.
    func generateDataKeyForService(service: String, account: String, context: [String: String],
                                   now: Date = Date()) async throws -> (key: KMSKeyRecord, plaintext: Data, blob: Data) {
        let key = try await managedKey(service: service, account: account, now: now)
        try KMSValidation.requireUsable(key, region: region)
        guard let material = key.currentMaterial else { throw KMSErrors.invalidCiphertext }
        let plaintext = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let sealed = try KMSCipher.encrypt(plaintext, keyId: key.keyId, materialVersion: material.version, material: try open(material),
                                           context: context)
        return (key, plaintext, sealed.blob)
    }

    /// GenerateDataKey(WithoutPlaintext): random bytes (`NumberOfBytes` 1–1024, or `AES_128`/`AES_256`) and their
    /// encryption under the key.
    func generateDataKey(keyId: String, numberOfBytes: Int?, keySpec: String?, context: [String: String], caller: KMSCaller,
                         action: String) async throws -> (key: KMSKeyRecord, plaintext: Data, blob: Data) {
        let size = try KMSValidation.dataKeySize(numberOfBytes: numberOfBytes, keySpec: keySpec)
        let plaintext = SymmetricKey(size: SymmetricKeySize(bitCount: size * 8)).withUnsafeBytes { Data($0) }
        let (key, blob) = try await encrypt(plaintext, keyId: keyId, context: context, caller: caller, action: action)
        return (key, plaintext, blob)
    }

    /// ReEncrypt: decrypts under the source key (`kms:ReEncryptFrom`) and encrypts under the destination
    /// (`kms:ReEncryptTo`); the plaintext never leaves the server.
    func reEncrypt(_ blob: Data, sourceKeyId: String?, sourceContext: [String: String], destinationKeyId: String,
                   destinationContext: [String: String], caller: KMSCaller) async throws -> (source: KMSKeyRecord, destination: KMSKeyRecord, blob: Data) {
        let (source, plaintext) = try await decrypt(blob, keyId: sourceKeyId, context: sourceContext, caller: caller, action: "kms:ReEncryptFrom")
        let (destination, sealed) = try await encrypt(plaintext, keyId: destinationKeyId, context: destinationContext, caller: caller,
                                                      action: "kms:ReEncryptTo")
        return (source, destination, sealed)
    }

    // MARK: Helpers

    /// A key that may encrypt or decrypt now: found, allowed, enabled; a rotation that has come due happens first.
    private func usableKey(_ keyId: String, for action: String, caller: KMSCaller, now: Date) async throws -> KMSKeyRecord {
        var key = try await key(keyId, for: action, caller: caller, now: now)
        try KMSValidation.requireUsable(key, region: region)
        if key.rotationEnabled, let due = key.nextRotationDate, due <= now {
            let material = try newMaterial(version: UInt32(key.materials.count + 1), now: now)
            key = try await modify(key) { key in
                guard key.rotationEnabled, let due = key.nextRotationDate, due <= now else { return }
                key.materials.append(material)
                key.nextRotationDate = now.addingTimeInterval(TimeInterval((key.rotationPeriodInDays ?? 365) * 86_400)).wholeSecond
            }
        }
        return key
    }

    /// Resolves a `KeyId` to a key of this region; keys past their deletion date are deleted on the way.
    private func find(_ keyId: String, caller: KMSCaller, now: Date, field: String = "KeyId") async throws -> KMSKeyRecord {
        let reference = try KMSNames.reference(keyId, region: region)
        let account = reference.account ?? caller.accountId
        let id: String
        switch reference {
        case .keyId(let value), .keyArn(_, let value):
            id = value
        case .alias(let name), .aliasArn(_, let name):
            if name == KMSNames.ssmManagedAlias, account == caller.accountId {
                return try await managedKey(service: "ssm", account: account, now: now)
            }
            guard let alias = try await store.kmsAlias(accountId: account, name: name) else {
                throw KMSErrors.aliasNotFound(KMSNames.aliasArn(region: region, account: account, aliasName: name))
            }
            id = alias.targetKeyId
        }
        let arn = KMSNames.keyArn(region: region, account: account, keyId: id)
        guard let key = try await store.kmsKey(keyId: id), key.accountId == account else {
            throw PortlessError(aws: .kmsNotFound, KMSErrors.keyNotFound(arn).message, field: field)
        }
        if key.isDeleted(at: now) {
            try await store.deleteKMSKey(keyId: key.keyId)
            throw PortlessError(aws: .kmsNotFound, KMSErrors.keyNotFound(arn).message, field: field)
        }
        return key
    }

    /// The AWS-managed key of `service` (`alias/aws/ssm`), made on first use.
    func managedKey(service: String, account: String, now: Date = Date()) async throws -> KMSKeyRecord {
        let aliasName = "alias/aws/\(service)"
        if let alias = try await store.kmsAlias(accountId: account, name: aliasName), let key = try await store.kmsKey(keyId: alias.targetKeyId) {
            return key
        }
        let key = try newKey(account: account, description: "Default key that protects my \(service.uppercased()) parameters when no other key is defined",
                             manager: .aws, policy: KMSKeyPolicies.awsManaged(account: account, service: service, region: region), now: now)
        let alias = KMSAliasRecord(accountId: account, aliasName: aliasName, targetKeyId: key.keyId, creationDate: now.wholeSecond)
        if try await store.insertKMSKey(key, alias: alias) { return key }
        // Made by a concurrent first use: the same alias either way.
        guard let made = try await store.kmsAlias(accountId: account, name: aliasName), let key = try await store.kmsKey(keyId: made.targetKeyId) else {
            throw PortlessError(.internalServerError, "The AWS managed key \(aliasName) could not be made.")
        }
        return key
    }

    /// Decides `action` on `key` (its policy as the resource policy), and on `also` (aliases).
    private func authorize(_ action: String, key: KMSKeyRecord, caller: KMSCaller, also: [ResourceRef] = []) async throws {
        let policy = authorizer.sources.compiled.policy(key.policy, kind: .keyPolicy, name: "key policy of \(key.keyId)")
            ?? KMSValidation.allowingNothing
        let resource = ResourceRef(arn: key.arn(region: region), accountId: key.accountId, policy: policy)
        try await authorizer.require(AccessCheck(action, also + [resource], facts: caller.facts), by: caller.principal)
    }

    /// KMS's policy lockout safety check: a new key policy must still let the caller change the key policy.
    private func checkLockout(_ policy: String, key: KMSKeyRecord, caller: KMSCaller) async throws {
        let compiled = try Policy(json: policy, kind: .keyPolicy, name: "new key policy")
        let resource = ResourceRef(arn: key.arn(region: region), accountId: key.accountId, policy: compiled)
        let outcomes = try await authorizer.decide(AccessCheck("kms:PutKeyPolicy", [resource], facts: caller.facts), by: caller.principal)
        guard outcomes.allSatisfy(\.decision.isAllowed) else { throw KMSErrors.policyLockout }
    }

    private func aliasResource(_ name: String, account: String) -> ResourceRef {
        ResourceRef(arn: KMSNames.aliasArn(region: region, account: account, aliasName: name), accountId: account)
    }

    @discardableResult
    private func modify(_ key: KMSKeyRecord, _ body: @escaping @Sendable (inout KMSKeyRecord) throws -> Void) async throws -> KMSKeyRecord {
        guard let updated = try await store.modifyKMSKey(keyId: key.keyId, body) else { throw KMSErrors.keyNotFound(key.arn(region: region)) }
        return updated
    }

    private func newKey(account: String, description: String, manager: KMSKeyManager, policy: String, now: Date) throws -> KMSKeyRecord {
        KMSKeyRecord(keyId: Identifiers.uuid(), accountId: account, description: description, state: .enabled, manager: manager,
                     creationDate: now.wholeSecond, materials: [try newMaterial(version: 1, now: now)], policy: policy)
    }

    private func newMaterial(version: UInt32, now: Date) throws -> KMSKeyMaterial {
        let material = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return KMSKeyMaterial(version: version, sealed: try keyring.seal(bytes: material), createdAt: now.wholeSecond)
    }

    private func open(_ material: KMSKeyMaterial) throws -> SymmetricKey {
        SymmetricKey(data: try keyring.open(bytes: material.sealed))
    }
}
