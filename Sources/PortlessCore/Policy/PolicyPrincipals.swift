/// The `Principal` (or `NotPrincipal`) element of a statement, normalized: account IDs become
/// `arn:aws:iam::ACCOUNT:root`.
struct PolicyPrincipals: Sendable, Hashable {
    /// `"Principal": "*"`: everyone, anonymous callers included.
    var everyone = false
    /// `{"AWS": "*"}`: every AWS principal.
    var everyAWSPrincipal = false
    var aws: Set<String> = []
    var services: Set<String> = []
    var federated: Set<String> = []

    /// How a listed principal names the caller; the stronger the match, the less the caller's own
    /// policies must add (see ``PolicyEvaluator``).
    enum Match: Int, Comparable {
        case none = 0
        /// Through the caller's account (`arn:aws:iam::ACCOUNT:root` or the account ID): the account's own
        /// identity policies must allow too.
        case account
        /// Through the role of a role session: the session's boundary and session policies still limit.
        case role
        /// The caller itself: its user, session or federated-user ARN, a service, or everyone.
        case direct

        static func < (lhs: Match, rhs: Match) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    func match(_ principal: PrincipalFacts) -> Match {
        if everyone { return .direct }
        switch principal.kind {
        case .service(let name): return services.contains(name) ? .direct : .none
        case .federated(let provider): return federated.contains(provider) ? .direct : .none
        case .anonymous: return .none
        case .root, .user, .federatedUser, .assumedRole: break
        }
        if everyAWSPrincipal || aws.contains(principal.arn) { return .direct }
        if case .assumedRole(let roleArn) = principal.kind, aws.contains(roleArn) { return .role }
        return aws.contains(principal.accountRootArn) ? .account : .none
    }

    /// Whether `NotPrincipal` exempts the caller: every name the caller goes by must be listed — its own ARN,
    /// its role's ARN for a role session, and its account (AWS's documented rule for `NotPrincipal`).
    func exempts(_ principal: PrincipalFacts) -> Bool {
        if everyone { return true }
        switch principal.kind {
        case .service(let name): return services.contains(name)
        case .federated(let provider): return federated.contains(provider)
        case .anonymous: return false
        case .root: return aws.contains(principal.arn)
        case .user, .federatedUser: break
        case .assumedRole(let roleArn): guard aws.contains(roleArn) else { return false }
        }
        return aws.contains(principal.arn) && aws.contains(principal.accountRootArn)
    }
}
