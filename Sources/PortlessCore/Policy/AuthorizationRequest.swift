/// What is asked: who, which action on which resource, in which context.
public struct AuthorizationRequest: Sendable {
    public var principal: PrincipalFacts
    /// `ssm:SendCommand`: service prefix and action name, compared case-insensitively.
    public var action: String
    /// An ARN, or `*` for actions without resource-level permissions.
    public var resource: String
    /// The account owning the resource; `nil` means the principal's own (or no account).
    public var resourceAccount: String?
    public var context: AuthorizationContext

    public init(principal: PrincipalFacts, action: String, resource: String, resourceAccount: String? = nil, context: AuthorizationContext = AuthorizationContext()) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.resourceAccount = resourceAccount
        self.context = context
    }

    /// Whether the resource belongs to another account than the principal's.
    var isCrossAccount: Bool {
        guard let resourceAccount, !resourceAccount.isEmpty else { return false }
        return resourceAccount != principal.accountId
    }

    /// The action's service prefix, lowercased (`ssm`).
    var service: String {
        (action.firstIndex(of: ":").map { action[..<$0] } ?? Substring(action)).lowercased()
    }
}
