import PortlessCore

extension OperationTable {
    /// EventBridge (`AWSEvents.*`): rule operations act on the rule's ARN (`arn:aws:events:REGION:ACCOUNT:rule/NAME`), PutEvents
    /// on the default bus's, ListRules and TestEventPattern on no particular resource, as AWS's service authorization
    /// reference lists them.
    static let events: [String: OperationRule] = {
        var rules = same("events", ["ListRules", "TestEventPattern"])
        for (name, field) in [("PutRule", "Name"), ("DescribeRule", "Name"), ("DeleteRule", "Name"), ("EnableRule", "Name"),
                              ("DisableRule", "Name"), ("PutTargets", "Rule"), ("RemoveTargets", "Rule"), ("ListTargetsByRule", "Rule")] {
            rules[name] = OperationRule("events:\(name)", requestTagsField: name == "PutRule" ? "Tags" : nil) { input in
                [ResourceRef(arn: EventRuleRecord.arn(region: input.region, account: input.account, name: input.fields.string(field) ?? ""),
                             accountId: input.account)]
            }
        }
        rules["PutEvents"] = OperationRule("events:PutEvents") { input in
            [ResourceRef(arn: "arn:aws:events:\(input.region):\(input.account):event-bus/\(EventRuleRecord.busName)", accountId: input.account)]
        }
        return rules
    }()
}
