/// Persistence for KMS keys and aliases. Every method is atomic.
public protocol KMSStore: Sendable {
    /// Stores a new key, with its alias when given; false (and nothing stored) when the alias is taken.
    @discardableResult
    func insertKMSKey(_ key: KMSKeyRecord, alias: KMSAliasRecord?) async throws -> Bool
    /// The key with `keyId`, whatever its account.
    func kmsKey(keyId: String) async throws -> KMSKeyRecord?
    /// The keys of `accountId` in creation order.
    func kmsKeys(accountId: String) async throws -> [KMSKeyRecord]
    /// Reads the key, lets `body` change it and writes it back in one transaction; nil when there is no such key.
    func modifyKMSKey(keyId: String, _ body: @Sendable (inout KMSKeyRecord) throws -> Void) async throws -> KMSKeyRecord?
    /// Deletes a key and its aliases.
    func deleteKMSKey(keyId: String) async throws

    /// Stores a new alias; false when the name is taken.
    func insertKMSAlias(_ alias: KMSAliasRecord) async throws -> Bool
    /// Points an existing alias at another key.
    func updateKMSAlias(_ alias: KMSAliasRecord) async throws
    func kmsAlias(accountId: String, name: String) async throws -> KMSAliasRecord?
    /// The aliases of `accountId` by name.
    func kmsAliases(accountId: String) async throws -> [KMSAliasRecord]
    func deleteKMSAlias(accountId: String, name: String) async throws
}
