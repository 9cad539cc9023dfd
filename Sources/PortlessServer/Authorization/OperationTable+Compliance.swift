import PortlessCore

extension OperationTable {
    /// SSM compliance: PutComplianceItems on the managed node it reports for, the lists on `*` (as AWS's service
    /// authorization reference lists them). Another account's node is named in the caller's account, as an
    /// unknown one is, so that the service answers InvalidResourceId for both.
    static let ssmCompliance: [String: OperationRule] = {
        var rules = same("ssm", ["ListComplianceItems", "ListComplianceSummaries", "ListResourceComplianceSummaries"])
        rules["PutComplianceItems"] = OperationRule("ssm:PutComplianceItems") { input in
            let id = input.fields.string("ResourceId") ?? ""
            let node = try await input.resolver.node(id, callerAccount: input.account)
            guard node.accountId == input.account else {
                return [ResourceRef(arn: ARN.managedInstance(region: input.region, account: input.account, id: id), accountId: input.account)]
            }
            return [node]
        }
        return rules
    }()
}
