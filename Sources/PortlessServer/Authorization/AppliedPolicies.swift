import PortlessCore

/// Every policy that applies to one principal, compiled, with what the context needs to know about it.
struct AppliedPolicies: Sendable {
    var identity: [Policy]
    var boundary: Policy?
    /// nil when the credentials carry no session policy.
    var session: [Policy]?
    /// One list per level (root, account); empty for the management account.
    var serviceControl: [[Policy]]
    /// The user's or role's tags, with session tags in front of them.
    var principalTags: [Tag]
    /// The organization the principal's account belongs to.
    var organizationId: String?

    /// The principal as the evaluator sees it.
    func facts(of principal: Principal) -> PrincipalFacts {
        let kind: PrincipalFacts.Kind
        if let role = principal.assumedRole {
            kind = .assumedRole(roleArn: ARN.role(account: principal.accountId, path: role.rolePath, name: role.roleName))
        } else if principal.isRoot {
            kind = .root
        } else {
            kind = .user
        }
        return PrincipalFacts(arn: principal.arn, accountId: principal.accountId, kind: kind, userId: principal.userId,
                              username: kind == .user ? principal.userName : nil,
                              orgId: organizationId)
    }
}
