/// The one policy evaluator: decides a request the way AWS IAM documents it.
///
/// 1. An explicit `Deny` in any applicable policy wins (SCPs, identity, resource, boundary, session).
/// 2. For principals of a member account (its root user too) every SCP level must allow.
/// 3. The account's root user needs no identity policy in its own account.
/// 4. Same account: an allow from the identity policies or from the resource policy suffices. A resource policy
///    that names the caller itself (user, role session, federated user ARN, or `*`) is not limited by the
///    boundary or session policies; one naming the session's role is limited by them but needs no identity
///    allow; one naming the account delegates to the identity policies. A trust policy and a KMS key policy must always allow.
/// 5. Across accounts the identity side (with boundary and session policies) and the resource policy must both allow.
/// 6. Boundaries and session policies only limit: when present, they must allow too.
public enum PolicyEvaluator {
    public static func evaluate(_ request: AuthorizationRequest, policies: PolicySet) -> Decision {
        var action = request.action
        var resource = request.resource
        return action.withUTF8 { action in
            resource.withUTF8 { resource in
                var scan = Scan(request: request, action: action, resource: resource, hasBoundary: policies.permissionsBoundary != nil)
                return decide(request, policies, &scan)
            }
        }
    }

    private static func decide(_ request: AuthorizationRequest, _ policies: PolicySet, _ scan: inout Scan) -> Decision {
        let principal = request.principal
        let identityApplies = principal.kind == .root || principal.hasIdentity

        // Every policy is read once; denies are checked first whatever else they say.
        let scpLevels = identityApplies ? policies.serviceControl.map { $0.map { scan.outcome($0) } } : []
        let identity = principal.hasIdentity ? policies.identity.map { scan.outcome($0) } : []
        let resource = policies.resource.map { scan.outcome($0) }
        let boundary = principal.hasIdentity ? policies.permissionsBoundary.map { scan.outcome($0) } : nil
        let session = principal.hasIdentity ? policies.session.map { $0.map { scan.outcome($0) } } : nil

        func deny(_ reason: Decision.Reason) -> Decision { Decision(isAllowed: false, reason: reason, matched: scan.matched) }

        if scpLevels.contains(where: { $0.contains(where: \.denies) }) { return deny(.explicitDeny(.serviceControl)) }
        if identity.contains(where: \.denies) { return deny(.explicitDeny(.identity)) }
        if let resource, resource.denies { return deny(.explicitDeny(policies.resource?.kind ?? .resource)) }
        if let boundary, boundary.denies { return deny(.explicitDeny(.permissionsBoundary)) }
        if let session, session.contains(where: \.denies) { return deny(.explicitDeny(.session)) }

        if scpLevels.contains(where: { level in !level.contains { $0.allow != .none } }) {
            return deny(.implicitDeny(.serviceControl))
        }

        let resourceMatch = resource?.allow ?? .none
        let boundaryAllows = boundary.map { $0.allow != .none } ?? true
        let sessionAllows = session.map { $0.contains { $0.allow != .none } } ?? true
        let identityAllows = principal.kind == .root || identity.contains { $0.allow != .none }

        /// The identity side: identity policies (or root), then the boundary, then the session policies.
        func identitySide(needsIdentity: Bool) -> Decision.Reason {
            if needsIdentity && !identityAllows { return .implicitDeny(identityApplies ? .identity : .resource) }
            if !boundaryAllows { return .implicitDeny(.permissionsBoundary) }
            if !sessionAllows { return .implicitDeny(.session) }
            return .allowed
        }

        let reason: Decision.Reason
        if request.isCrossAccount || !identityApplies {
            let side = identityApplies ? identitySide(needsIdentity: true) : .allowed
            reason = side != .allowed ? side : resourceMatch == .none ? .implicitDeny(.resource) : .allowed
        } else if policies.resource?.kind.mustAllow == true && resourceMatch == .none {
            reason = .implicitDeny(.resource)
        } else {
            switch resourceMatch {
            case .direct: reason = .allowed
            case .role: reason = identitySide(needsIdentity: false)
            case .account, .none: reason = identitySide(needsIdentity: true)
            }
        }
        return Decision(isAllowed: reason == .allowed, reason: reason, matched: scan.matched)
    }

    /// What one policy says about the request.
    struct Outcome {
        var denies = false
        /// How strongly an Allow statement names the caller (`.direct` for policies without principals).
        var allow: PolicyPrincipals.Match = .none
    }

    /// The per-request state: the action and resource as UTF-8 (valid while `evaluate` runs), the lowercased
    /// service, the context lookup and the statements matched so far.
    struct Scan {
        let request: AuthorizationRequest
        let action: UnsafeBufferPointer<UInt8>
        let resource: UnsafeBufferPointer<UInt8>
        let hasBoundary: Bool
        let service: String
        let lookup: ContextLookup
        var matched: [MatchedStatement] = []
        /// Reused for resource patterns with policy variables.
        var scratch: [UInt16] = []

        init(request: AuthorizationRequest, action: UnsafeBufferPointer<UInt8>, resource: UnsafeBufferPointer<UInt8>, hasBoundary: Bool) {
            self.request = request
            self.action = action
            self.resource = resource
            self.hasBoundary = hasBoundary
            service = request.service
            lookup = ContextLookup(context: request.context, principal: request.principal)
        }

        mutating func outcome(_ policy: Policy) -> Outcome {
            var outcome = Outcome()
            let statements = policy.statements
            for index in policy.candidates(service: service) {
                let statement = statements[index]
                let match = principalMatch(statement)
                guard match != .none, statement.matchesAction(action),
                      statement.matchesResource(resource, lookup, scratch: &scratch), statement.conditionsHold(lookup) else { continue }
                matched.append(MatchedStatement(policyName: policy.name, kind: policy.kind, statementIndex: index,
                                                sid: statement.sid, effect: statement.effect))
                if statement.effect == .deny {
                    outcome.denies = true
                } else {
                    outcome.allow = max(outcome.allow, match)
                }
            }
            return outcome
        }

        /// How the statement's `Principal`/`NotPrincipal` names the caller. A `Deny` with `NotPrincipal` applies to
        /// every principal that has a permissions boundary, whatever it lists (as AWS documents).
        private func principalMatch(_ statement: PolicyStatement) -> PolicyPrincipals.Match {
            guard let principals = statement.principals else { return .direct }
            guard statement.principalsNegated else { return principals.match(request.principal) }
            if statement.effect == .deny && hasBoundary { return .direct }
            return principals.exempts(request.principal) ? .none : .direct
        }
    }
}
