import Foundation
import PortlessCore

/// A managed node acts as the role named in its activation (as SSM's hybrid nodes do): the role is made with
/// `AmazonSSMManagedInstanceCore` when an activation names one the account does not have, passing it needs
/// `iam:PassRole`, and every agent login is decided by the authorizer as that role's session.
struct NodeIdentity: Sendable {
    /// What a node's role may do unless the operator changes it.
    static let defaultPolicy = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    /// Who may assume a node role: Systems Manager, as AWS's hybrid-activation roles say.
    static let trustPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    let store: any IdentityStore
    let authorizer: Authorizer

    /// `IamRole` as activations name it — `NAME` or `PATH/NAME` (`service-role/…`) — split into path and name.
    static func split(_ iamRole: String) -> (path: String, name: String) {
        let parts = iamRole.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count > 1, let name = parts.last else { return ("/", iamRole) }
        return ("/" + parts.dropLast().joined(separator: "/") + "/", String(name))
    }

    /// Before an activation is made: the caller must be allowed to pass the role to SSM; a role the account
    /// lacks is made with the default node policy.
    func prepareActivationRole(_ iamRole: String, principal: Principal, facts: CallFacts, now: Date = Date()) async throws {
        let (path, name) = Self.split(iamRole)
        try IAMValidation.roleName(name, field: "IamRole")
        try IAMValidation.path(path, field: "IamRole")
        var passing = facts
        passing.keys["iam:PassedToService"] = [.string("ssm.amazonaws.com")]
        let resource = try await authorizer.resolver.role(name, account: principal.accountId, path: path)
        try await authorizer.require(AccessCheck("iam:PassRole", [resource], facts: passing), by: principal)
        guard try await store.role(accountId: principal.accountId, name: name) == nil else { return }
        var role = RoleRecord(accountId: principal.accountId, roleName: name, roleId: Identifiers.roleID(), path: path,
                              assumeRolePolicyDocument: Self.trustPolicy, description: "Role of managed nodes (made by Portless)",
                              maxSessionDuration: 3600, createDate: now.wholeSecond, tags: [])
        role.policies.attached = [Self.defaultPolicy]
        do {
            try await store.insertRole(role)
        } catch let error as PortlessError where error.code == .entityAlreadyExists {
            // Made by a concurrent activation: the same role either way.
        }
    }

    /// An agent's login: the node's role session must be allowed `ssm:UpdateInstanceInformation` on the node.
    func authorizeLogin(_ node: NodeRecord) async throws {
        let principal = try await principal(of: node)
        let resource = ResourceRef(arn: ARN.managedInstance(region: authorizer.region, account: node.accountId, id: node.instanceId),
                                   accountId: node.accountId)
        try await authorizer.require(AccessCheck("ssm:UpdateInstanceInformation", [resource]), by: principal)
    }

    /// Who a node acts as: its role's session named after the node.
    func principal(of node: NodeRecord) async throws -> Principal {
        let (_, name) = Self.split(node.iamRole)
        guard let role = try await store.role(accountId: node.accountId, name: name) else {
            throw PortlessError(aws: .accessDenied, "The role \(node.iamRole) of managed node \(node.instanceId) does not exist.")
        }
        let session = AssumedRoleSession(roleName: role.roleName, roleId: role.roleId, rolePath: role.path, sessionName: node.instanceId)
        return Principal(accountId: node.accountId, userName: node.instanceId, accessKeyId: "node:\(node.instanceId)",
                         assumedRole: session, isTemporary: true, session: SessionContext(issuedAt: node.registrationDate))
    }
}
