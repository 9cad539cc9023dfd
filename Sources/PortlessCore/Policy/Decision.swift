/// The evaluator's answer, with the policy kind that decided it and the statements that matched.
public struct Decision: Sendable {
    public enum Reason: Sendable, Hashable {
        case allowed
        /// A statement of this kind of policy denies.
        case explicitDeny(PolicyKind)
        /// No policy of this kind allows (where one must).
        case implicitDeny(PolicyKind)
    }

    public var isAllowed: Bool
    public var reason: Reason
    /// Every statement whose action, resource, principal and conditions matched, Allow and Deny alike.
    public var matched: [MatchedStatement]

    public init(isAllowed: Bool, reason: Reason, matched: [MatchedStatement]) {
        self.isAllowed = isAllowed
        self.reason = reason
        self.matched = matched
    }

    /// AWS's wording, e.g. `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ssm:SendCommand
    /// on resource: arn:aws:ssm:… because no identity-based policy allows the ssm:SendCommand action`. The resource
    /// part is left out for `*` or an empty resource. Empty when allowed.
    public func message(principalArn: String, action: String, resource: String) -> String {
        let head = "User: \(principalArn) is not authorized to perform: \(action)"
            + (resource.isEmpty || resource == "*" ? "" : " on resource: \(resource)")
        switch reason {
        case .allowed: return ""
        case .explicitDeny(let kind): return "\(head) with an explicit deny in \(kind.denyPhrase)"
        case .implicitDeny(let kind): return "\(head) because \(kind.noAllowPhrase) allows the \(action) action"
        }
    }
}

/// A statement that matched a request, for explanations and `SimulatePrincipalPolicy`.
public struct MatchedStatement: Sendable, Hashable {
    public var policyName: String
    public var kind: PolicyKind
    /// The statement's position in its policy, from 0.
    public var statementIndex: Int
    public var sid: String?
    public var effect: PolicyStatement.Effect
}
