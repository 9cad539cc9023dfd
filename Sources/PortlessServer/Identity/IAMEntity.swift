import Foundation
import PortlessCore

/// A user, group or role named in a request: what inline and attached policies hang on, with IAM's
/// per-kind limits and texts.
enum IAMEntity: Sendable, Hashable {
    case user(String)
    case group(String)
    case role(String)

    /// At most this many managed policies attached.
    static let attachedPolicyLimit = 10

    var name: String {
        switch self { case .user(let name), .group(let name), .role(let name): name }
    }

    /// `user`, `group` or `role`, as IAM's texts say it.
    var kind: String {
        switch self { case .user: "user"; case .group: "group"; case .role: "role" }
    }

    /// The sum of the inline policies' sizes (without whitespace) may not exceed this.
    var inlineSizeLimit: Int {
        switch self { case .user: 2048; case .group: 5120; case .role: 10240 }
    }

    /// `PoliciesPerUser`, `PoliciesPerGroup` or `PoliciesPerRole`.
    var attachmentQuota: String {
        switch self { case .user: "PoliciesPerUser"; case .group: "PoliciesPerGroup"; case .role: "PoliciesPerRole" }
    }

    func validate() throws {
        switch self {
        case .user(let name): try IAMValidation.existingUserName(name)
        case .group(let name): try IAMValidation.groupName(name)
        case .role(let name): try IAMValidation.roleName(name)
        }
    }

    /// `NoSuchEntity` for this entity.
    var notFound: PortlessError {
        switch self {
        case .user(let name): Self.noSuchUser(name)
        case .group(let name): PortlessError(aws: .noSuchEntity, "The group with name \(name) cannot be found.", field: "GroupName")
        case .role(let name): RoleService.noSuchRole(name)
        }
    }

    static func noSuchUser(_ name: String, field: String = "UserName") -> PortlessError {
        PortlessError(aws: .noSuchEntity, "The user with name \(name) cannot be found.", field: field)
    }

    /// The entity's policies; `NoSuchEntity` when it does not exist.
    func policies(accountId: String, in store: any IdentityStore) async throws -> EntityPolicies {
        let policies: EntityPolicies? = switch self {
        case .user(let name): try await store.user(accountId: accountId, name: name)?.policies
        case .group(let name): try await store.group(accountId: accountId, name: name)?.policies
        case .role(let name): try await store.role(accountId: accountId, name: name)?.policies
        }
        guard let policies else { throw notFound }
        return policies
    }

    /// Lets `body` change the entity's policies and stores them; `NoSuchEntity` when it does not exist.
    @discardableResult
    func modifyPolicies(accountId: String, in store: any IdentityStore,
                        _ body: @escaping @Sendable (inout EntityPolicies) throws -> Void) async throws -> EntityPolicies {
        let policies: EntityPolicies? = switch self {
        case .user(let name): try await store.modifyUser(accountId: accountId, name: name) { try body(&$0.policies) }?.policies
        case .group(let name): try await store.modifyGroup(accountId: accountId, name: name) { try body(&$0.policies) }?.policies
        case .role(let name): try await store.modifyRole(accountId: accountId, name: name) { try body(&$0.policies) }?.policies
        }
        guard let policies else { throw notFound }
        return policies
    }
}
