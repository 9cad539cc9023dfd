/// One compiled statement of a policy (a class, so that reading one while evaluating costs one retain).
public final class PolicyStatement: Sendable {
    public enum Effect: String, Sendable, Hashable { case allow = "Allow", deny = "Deny" }

    public let sid: String?
    public let effect: Effect
    /// `Action` patterns (case-insensitive), or the `NotAction` ones when `actionsNegated`.
    let actions: [WildcardPattern]
    let actionsNegated: Bool
    /// The lowercased service prefixes this statement can apply to; `nil` when any (a wildcard prefix, `NotAction`).
    let services: Set<String>?
    /// `Resource` patterns, or `NotResource` ones when `resourcesNegated`; `nil` when the statement has neither
    /// (trust policies, SCPs without one): it applies to any resource.
    let resources: [ResourcePattern]?
    let resourcesNegated: Bool
    /// `Principal`, or `NotPrincipal` when `principalsNegated`; `nil` in policies that name no principal.
    let principals: PolicyPrincipals?
    let principalsNegated: Bool
    let conditions: [ConditionClause]

    init(sid: String?, effect: Effect, actions: [WildcardPattern], actionsNegated: Bool, services: Set<String>?,
         resources: [ResourcePattern]?, resourcesNegated: Bool, principals: PolicyPrincipals?, principalsNegated: Bool,
         conditions: [ConditionClause]) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.actionsNegated = actionsNegated
        self.services = services
        self.resources = resources
        self.resourcesNegated = resourcesNegated
        self.principals = principals
        self.principalsNegated = principalsNegated
        self.conditions = conditions
    }

    /// A `Resource` entry: compiled once unless it holds policy variables.
    final class ResourcePattern: Sendable {
        let template: PolicyTemplate
        let fixed: WildcardPattern?

        init(_ text: String, variables: Bool) {
            template = PolicyTemplate(text, variables: variables)
            fixed = template.fixedPattern(ignoresCase: false)
        }

        /// `nil` when a variable in it has no value: the entry matches nothing, and neither does its negation.
        /// `scratch` is reused for patterns with variables, so matching them allocates once per request at most.
        func matches(_ resource: UnsafeBufferPointer<UInt8>, _ lookup: ContextLookup, scratch: inout [UInt16]) -> Bool? {
            if let fixed { return fixed.matches(resource) }
            guard template.resolve(into: &scratch, lookup) else { return nil }
            return scratch.withUnsafeBufferPointer { WildcardPattern.matches(units: $0, ignoresCase: false, resource) }
        }
    }

    /// Whether the action (its UTF-8 bytes) is one this statement names (or, with `NotAction`, does not name).
    func matchesAction(_ action: UnsafeBufferPointer<UInt8>) -> Bool {
        var hit = false
        for pattern in actions where pattern.matches(action) {
            hit = true
            break
        }
        return hit != actionsNegated
    }

    func matchesResource(_ resource: UnsafeBufferPointer<UInt8>, _ lookup: ContextLookup, scratch: inout [UInt16]) -> Bool {
        guard let resources else { return true }
        var hit = false
        for pattern in resources {
            switch pattern.matches(resource, lookup, scratch: &scratch) {
            case true?: hit = true
            case nil: return false
            case false?: continue
            }
            break
        }
        return hit != resourcesNegated
    }

    func conditionsHold(_ lookup: ContextLookup) -> Bool {
        conditions.allSatisfy { $0.holds(lookup) }
    }
}
