import PortlessCore

extension OperationTable {
    /// Organizations (`AWSOrganizationsV20161128.*`). Management-only operations are also refused to member
    /// accounts by the organization service itself, as AWS refuses them.
    static let organizations: [String: OperationRule] = {
        var rules = same("organizations", ["DescribeOrganization", "ListRoots", "DescribeCreateAccountStatus", "ListAccounts",
                                           "DescribeAccount", "ListPolicies", "ListPoliciesForTarget", "ListTargetsForPolicy",
                                           "DescribePolicy", "DeletePolicy", "UpdatePolicy", "AttachPolicy", "DetachPolicy"])
        rules["CreateAccount"] = OperationRule("organizations:CreateAccount", requestTagsField: "Tags")
        rules["CreatePolicy"] = OperationRule("organizations:CreatePolicy", requestTagsField: "Tags")
        return rules
    }()
}
