import Foundation
import PortlessCore

/// Long-term access keys of IAM users (and of the account's root): at most two each.
struct AccessKeyService: Sendable {
    static let limit = 2

    let store: any Store & IdentityStore
    let keyring: Keyring

    /// Whose keys a request is about: the named user, or the caller (nil: the root).
    static func owner(_ userName: String?, principal: Principal) throws -> String? {
        if let userName {
            try IAMValidation.existingUserName(userName)
            return userName
        }
        return try UserService.callerName(principal)
    }

    /// Makes a key for `userName` (or the caller); the secret is returned once and kept only sealed.
    func create(principal: Principal, userName: String?, now: Date = Date()) async throws -> (AccessKeyRecord, secret: String) {
        let owner = try Self.owner(userName, principal: principal)
        let secret = Identifiers.secretAccessKey()
        var user: UserRecord?
        if let owner {
            user = try await store.user(accountId: principal.accountId, name: owner)
            guard user != nil else { throw IAMEntity.noSuchUser(owner) }
        }
        let record = AccessKeyRecord(accessKeyId: Identifiers.accessKeyID(), accountId: principal.accountId,
                                     userName: user?.userName ?? "root", sealedSecret: try keyring.seal(secret), createdAt: now.wholeSecond,
                                     userId: user?.userId, userPath: user?.path)
        guard let stored = try await store.insertAccessKey(record, forRoot: owner == nil, limit: Self.limit) else {
            throw IAMEntity.noSuchUser(owner ?? "root")
        }
        return (stored, secret)
    }

    func list(principal: Principal, userName: String?, marker: String?, maxItems: String?) async throws -> (keys: [AccessKeyRecord], marker: String?) {
        let owner = try Self.owner(userName, principal: principal)
        if let owner, try await store.user(accountId: principal.accountId, name: owner) == nil { throw IAMEntity.noSuchUser(owner) }
        let keys = try await store.accessKeys(accountId: principal.accountId, userName: owner).sorted { $0.accessKeyId < $1.accessKeyId }
        let page = try IAMPaging.page(keys, key: { $0.accessKeyId }, marker: marker, maxItems: maxItems)
        return (page.items, page.marker)
    }

    func update(principal: Principal, userName: String?, accessKeyId: String, status: String) async throws {
        try IAMValidation.accessKeyId(accessKeyId)
        try IAMValidation.oneOf(status, field: "Status", ["Active", "Inactive", "Expired"])
        guard let newStatus = AccessKeyStatus(rawValue: status) else {
            throw PortlessError(.validationError, "Status must be Active or Inactive.", field: "Status")
        }
        let owner = try Self.owner(userName, principal: principal)
        let updated = try await store.modifyAccessKey(accountId: principal.accountId, userName: owner, id: accessKeyId) { $0.status = newStatus }
        guard updated != nil else { throw Self.notFound(accessKeyId) }
    }

    func delete(principal: Principal, userName: String?, accessKeyId: String) async throws {
        try IAMValidation.accessKeyId(accessKeyId)
        let owner = try Self.owner(userName, principal: principal)
        guard try await store.deleteAccessKey(accountId: principal.accountId, userName: owner, id: accessKeyId) else {
            throw Self.notFound(accessKeyId)
        }
    }

    /// The key's owner and last use; only keys of the caller's account are found.
    func lastUsed(accountId: String, accessKeyId: String) async throws -> AccessKeyRecord {
        try IAMValidation.accessKeyId(accessKeyId)
        guard let key = try await store.accessKey(id: accessKeyId), key.accountId == accountId else { throw Self.notFound(accessKeyId) }
        return key
    }

    static func notFound(_ id: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "The Access Key with id \(id) cannot be found.", field: "AccessKeyId")
    }
}
