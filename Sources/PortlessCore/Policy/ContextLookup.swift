/// Condition key lookup for one request: the request's context first, then the keys AWS derives from the
/// principal (`aws:username`, `aws:userid`, `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`,
/// `aws:PrincipalOrgID`) when the context does not set them.
struct ContextLookup {
    let context: AuthorizationContext
    let principal: PrincipalFacts

    func values(lowercasedKey key: String) -> [ConditionValue]? {
        if let values = context.values(lowercasedKey: key) { return values }
        guard key.hasPrefix("aws:") else { return nil }
        switch key {
        case "aws:username": return principal.username.map { [.string($0)] }
        case "aws:userid": return principal.userId.isEmpty ? nil : [.string(principal.userId)]
        case "aws:principalarn": return principal.kind == .anonymous ? nil : [.string(principal.principalArn)]
        case "aws:principalaccount": return principal.accountId.isEmpty ? nil : [.string(principal.accountId)]
        case "aws:principaltype": return [.string(principal.principalType)]
        case "aws:principalorgid": return principal.orgId.map { [.string($0)] }
        default: return nil
        }
    }
}
