import Foundation
import PortlessCore

/// `SimulatePrincipalPolicy` and `SimulateCustomPolicy`: the evaluator's decision for each action and
/// resource, with the statements that matched — through the same authorizer every request goes through.
struct PolicySimulator: Sendable {
    let authorizer: Authorizer

    /// One row of `EvaluationResults`.
    struct Result: Sendable {
        enum Decision: String, Sendable { case allowed, explicitDeny, implicitDeny }
        var action: String
        var resource: String
        var decision: Decision
        var matched: [MatchedStatement]
        var allowedByOrganizations: Bool
        var allowedByBoundary: Bool?
    }

    /// What a simulation asks.
    struct Input: Sendable {
        var actions: [String]
        var resources: [String]
        /// Extra identity policies (`PolicyInputList`): for SimulateCustomPolicy they are the only ones.
        var policies: [String]
        var resourcePolicy: String?
        var context: [String: [ConditionValue]]
    }

    /// Decides every action on every resource as `principal`; `onlyGivenPolicies` replaces its identity
    /// policies by `input.policies` (SimulateCustomPolicy).
    func simulate(_ input: Input, as principal: Principal, onlyGivenPolicies: Bool) async throws -> [Result] {
        var extra: [Policy] = []
        for (index, document) in input.policies.enumerated() {
            extra.append(try Policy(json: document, kind: .identity, name: "PolicyInputList.\(index + 1)", field: "PolicyInputList"))
        }
        var applied = onlyGivenPolicies
            ? AppliedPolicies(identity: extra, boundary: nil, session: nil, serviceControl: [], principalTags: [], organizationId: nil)
            : try await authorizer.sources.applied(to: principal)
        applied.identity += onlyGivenPolicies ? [] : extra
        let resourcePolicy = try input.resourcePolicy.map { try Policy(json: $0, kind: .resource, name: "ResourcePolicy", field: "ResourcePolicy") }
        let resources = (input.resources.isEmpty ? ["*"] : input.resources).map {
            ResourceRef(arn: $0, accountId: nil, policy: resourcePolicy)
        }
        var results: [Result] = []
        for action in input.actions {
            let check = AccessCheck(action, resources, facts: CallFacts(keys: input.context))
            for outcome in authorizer.decide(check, by: principal, applied: applied) {
                let decision: Result.Decision = switch outcome.decision.reason {
                case .allowed: .allowed
                case .explicitDeny: .explicitDeny
                case .implicitDeny: .implicitDeny
                }
                let byOrganizations = outcome.decision.reason != .explicitDeny(.serviceControl) && outcome.decision.reason != .implicitDeny(.serviceControl)
                let byBoundary = outcome.decision.matched.contains { $0.kind == .permissionsBoundary }
                    ? outcome.decision.reason != .implicitDeny(.permissionsBoundary) && outcome.decision.reason != .explicitDeny(.permissionsBoundary)
                    : nil
                results.append(Result(action: action, resource: outcome.resource.arn, decision: decision, matched: outcome.decision.matched,
                                      allowedByOrganizations: byOrganizations, allowedByBoundary: byBoundary))
            }
        }
        return results
    }
}
