/// One compiled statement of a policy.
public struct PolicyStatement: Sendable {
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

    /// A `Resource` entry: compiled once unless it holds policy variables.
    struct ResourcePattern: Sendable {
        let template: PolicyTemplate
        let fixed: WildcardPattern?

        init(_ text: String, variables: Bool) {
            template = PolicyTemplate(text, variables: variables)
            fixed = template.fixedPattern(ignoresCase: false)
        }

        /// `nil` when a variable in it has no value: the entry matches nothing, and neither does its negation.
        func matches(_ resource: String, _ lookup: ContextLookup) -> Bool? {
            if let fixed { return fixed.matches(resource) }
            return template.pattern(lookup, ignoresCase: false)?.matches(resource)
        }
    }

    func matchesAction(_ action: String) -> Bool {
        var action = action
        let hit = action.withUTF8 { bytes in actions.contains { $0.matches(bytes) } }
        return hit != actionsNegated
    }

    func matchesResource(_ resource: String, _ lookup: ContextLookup) -> Bool {
        guard let resources else { return true }
        var hit = false
        for pattern in resources {
            switch pattern.matches(resource, lookup) {
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
