import PortlessCore

/// How one API operation is authorized, the way AWS's service authorization reference lists it: the IAM
/// action, the resources it touches (found from the request), and the condition keys it adds.
struct OperationRule: Sendable {
    /// What a rule's closures get: the request's fields, the caller, and where to look resources up.
    struct Input: Sendable {
        var fields: RequestFields
        var principal: Principal
        var resolver: ResourceResolver
        var region: String
        var account: String { principal.accountId }
    }

    typealias Resources = @Sendable (Input) async throws -> [ResourceRef]
    typealias Keys = @Sendable (Input) -> [String: [ConditionValue]]

    /// `service:Action`.
    var action: String
    var resources: Resources
    var keys: Keys?
    /// The field holding the tags the request sets (`aws:RequestTag/*`, `aws:TagKeys`), if any.
    var requestTagsField: String?
    /// Who decides the operation.
    enum DecidedBy: Sendable {
        /// The authorizer, from this rule, before the operation runs.
        case table
        /// The service, through the authorizer, once it knows what the request touches (AssumeRole: the role
        /// and its trust policy).
        case service
        /// Nobody: AWS lets every authenticated caller do it (GetCallerIdentity, GetSessionToken).
        case nobody
    }

    var decidedBy = DecidedBy.table

    init(_ action: String, requestTagsField: String? = nil, resources: @escaping Resources = { _ in [.any] }, keys: Keys? = nil) {
        self.action = action
        self.resources = resources
        self.keys = keys
        self.requestTagsField = requestTagsField
    }

    /// A rule decided by `decidedBy` rather than from the table.
    static func decided(by decidedBy: DecidedBy, _ action: String) -> OperationRule {
        var rule = OperationRule(action)
        rule.decidedBy = decidedBy
        return rule
    }
}
