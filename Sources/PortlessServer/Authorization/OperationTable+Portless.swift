import PortlessCore

extension OperationTable {
    /// The `Portless.*` operations: scans and bundles, actions `portless:NAME` on the account's scans; ListRuleDeliveries (a
    /// rule's pending and dead-lettered deliveries) reads the rule, as `events:DescribeRule` on it.
    static let portless: [String: OperationRule] = same("portless", ["StartScan", "GetScan", "ListScans", "CancelScan", "GetScanReport",
                                                                     "PutScanBundle", "ListScanBundles"])
        .merging(["ListRuleDeliveries": OperationRule("events:DescribeRule") { input in
            [ResourceRef(arn: EventRuleRecord.arn(region: input.region, account: input.account, name: input.fields.string("Rule") ?? ""),
                         accountId: input.account)]
        }]) { $1 }
        .merging(sessionTranscripts) { $1 }
}
