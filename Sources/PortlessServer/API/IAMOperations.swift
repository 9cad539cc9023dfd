import Foundation
import PortlessCore

/// IAM in the Query protocol (version 2010-05-08): parameters in, result elements out. Each area's
/// actions are in its own file (`IAMOperations+Users`, `+Groups`, …); this type holds the services and
/// dispatches.
struct IAMOperations: Sendable {
    static let version = "2010-05-08"
    static let namespace = "https://iam.amazonaws.com/doc/2010-05-08/"

    /// One action: the children of `<ActionResult>`, or nil for actions without one.
    typealias Handler = @Sendable (IAMOperations, QueryParameters, Principal) async throws -> [XMLTag]?

    let roles: RoleService
    let users: UserService
    let groups: GroupService
    let policies: ManagedPolicyService
    let attachments: PolicyAttachmentService
    let inline: InlinePolicyService
    let accessKeys: AccessKeyService
    let loginProfiles: LoginProfileService
    let mfa: MFAService
    let simulator: PolicySimulator
    let store: any IdentityStore

    /// The IAM services over `store`; simulations go through `simulator`.
    init(store: any Store & IdentityStore, keyring: Keyring, simulator: PolicySimulator, hasher: PasswordHasher = PasswordHasher()) {
        let policies = ManagedPolicyService(store: store)
        self.roles = RoleService(store: store, policies: policies)
        self.users = UserService(store: store, policies: policies)
        self.groups = GroupService(store: store)
        self.policies = policies
        self.attachments = PolicyAttachmentService(store: store, policies: policies)
        self.inline = InlinePolicyService(store: store)
        self.accessKeys = AccessKeyService(store: store, keyring: keyring)
        self.loginProfiles = LoginProfileService(store: store, hasher: hasher)
        self.mfa = MFAService(store: store, keyring: keyring)
        self.simulator = simulator
        self.store = store
    }

    static let handlers: [String: Handler] = roleActions
        .merging(userActions) { first, _ in first }
        .merging(groupActions) { first, _ in first }
        .merging(policyActions) { first, _ in first }
        .merging(attachmentActions) { first, _ in first }
        .merging(credentialActions) { first, _ in first }
        .merging(mfaActions) { first, _ in first }
        .merging(simulationActions) { first, _ in first }
        .merging(attributeActions) { first, _ in first }

    /// The children of `<ActionResult>` (nil for actions without one); throws `InvalidAction` for an
    /// action IAM does not have (here).
    func handle(_ action: String, parameters: QueryParameters, principal: Principal) async throws -> [XMLTag]? {
        guard let handler = Self.handlers[action] else {
            throw PortlessError(.invalidAction, "Could not find operation \(action) for version \(Self.version)", field: "Action")
        }
        return try await handler(self, parameters, principal)
    }

    /// A boolean parameter (`true` or `false`), nil when absent.
    static func bool(_ parameters: QueryParameters, _ name: String) throws -> Bool? {
        guard let text = parameters[name] else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw PortlessError(.validationError, "\(name) must be true or false, not '\(text)'.", field: name)
        }
    }
}
