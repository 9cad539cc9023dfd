import Foundation
import PortlessCore

/// The one place every operation is decided: builds the policy set and condition context of the caller
/// and asks the policy evaluator about each resource. API adapters, services, presigned-URL use, agents
/// and (later) sessions and console pages all come through here.
struct Authorizer: Sendable {
    let sources: PolicySources
    let resolver: ResourceResolver
    let region: String

    /// One resource's decision.
    struct Outcome: Sendable {
        var resource: ResourceRef
        var decision: Decision
    }

    /// Returns when every resource of `check` is allowed; otherwise throws `AccessDeniedException` with
    /// AWS's explanation of the first denied resource.
    func require(_ check: AccessCheck, by principal: Principal, now: Date = Date()) async throws {
        if sources.isUnrestricted(principal), check.resources.allSatisfy({ isPlainOwnResource($0, of: principal) }) { return }
        for outcome in try await decide(check, by: principal, now: now) where !outcome.decision.isAllowed {
            throw Self.denied(outcome, action: check.action, principal: principal)
        }
    }

    /// The decision for each resource of `check`, under the principal's own policies.
    func decide(_ check: AccessCheck, by principal: Principal, now: Date = Date()) async throws -> [Outcome] {
        decide(check, by: principal, applied: try await sources.applied(to: principal), now: now)
    }

    /// The decision for each resource of `check` under exactly `applied` (the simulations).
    func decide(_ check: AccessCheck, by principal: Principal, applied: AppliedPolicies, now: Date = Date()) -> [Outcome] {
        let base = AuthorizationContextBuilder(principal: principal, applied: applied, region: region, now: now).context(facts: check.facts)
        let facts = applied.facts(of: principal)
        var set = PolicySet(identity: applied.identity, permissionsBoundary: applied.boundary, session: applied.session,
                            serviceControl: applied.serviceControl)
        return check.resources.map { resource in
            let request = AuthorizationRequest(principal: facts, action: check.action, resource: resource.arn,
                                               resourceAccount: resource.accountId,
                                               context: AuthorizationContextBuilder.adding(resource: resource, to: base))
            set.resource = resource.policy
            return Outcome(resource: resource, decision: PolicyEvaluator.evaluate(request, policies: set))
        }
    }

    /// `AccessDeniedException` in AWS's wording (the Query and S3 adapters send it under their own code).
    static func denied(_ outcome: Outcome, action: String, principal: Principal) -> PortlessError {
        PortlessError(aws: .accessDenied, outcome.decision.message(principalArn: principal.arn, action: action, resource: outcome.resource.arn))
    }

    /// A resource of the caller's own account with no policy of its own: nothing but SCPs could limit the
    /// account root there.
    private func isPlainOwnResource(_ resource: ResourceRef, of principal: Principal) -> Bool {
        resource.policy == nil && (resource.accountId == nil || resource.accountId == principal.accountId)
    }
}
