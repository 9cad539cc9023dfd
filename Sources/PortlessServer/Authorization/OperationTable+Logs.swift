import PortlessCore

extension OperationTable {
    /// CloudWatch Logs (`Logs_20140328.*`). Group operations are decided on the group as CloudWatch Logs names it
    /// (`…:log-group:NAME:*`, the ARN DescribeLogGroups reports and AWS's examples grant), stream operations on
    /// the stream (`…:log-group:NAME:log-stream:STREAM`), and DescribeLogGroups on the account's groups.
    static let logs: [String: OperationRule] = {
        var rules: [String: OperationRule] = [:]
        rules["DescribeLogGroups"] = OperationRule("logs:DescribeLogGroups") { input in
            [ResourceRef(arn: "arn:aws:logs:\(input.region):\(input.account):log-group:*", accountId: input.account)]
        }
        for name in ["CreateLogGroup", "DeleteLogGroup", "PutRetentionPolicy", "DeleteRetentionPolicy", "AssociateKmsKey",
                     "DisassociateKmsKey", "DescribeLogStreams", "FilterLogEvents"] {
            rules[name] = OperationRule("logs:\(name)") { input in [group(input)] }
        }
        for name in ["CreateLogStream", "DeleteLogStream", "PutLogEvents", "GetLogEvents"] {
            rules[name] = OperationRule("logs:\(name)") { input in
                let group = groupName(input.fields)
                let stream = input.fields.string("logStreamName") ?? ""
                return [ResourceRef(arn: LogGroupRecord.arn(region: input.region, account: input.account, name: group) + ":log-stream:" + stream,
                                    accountId: input.account)]
            }
        }
        return rules
    }()

    /// `…:log-group:NAME:*` of the group a request names.
    static func logGroupResource(_ name: String, region: String, account: String) -> ResourceRef {
        ResourceRef(arn: LogGroupRecord.arn(region: region, account: account, name: name) + ":*", accountId: account)
    }

    private static func group(_ input: OperationRule.Input) -> ResourceRef {
        logGroupResource(groupName(input.fields), region: input.region, account: input.account)
    }

    private static func groupName(_ fields: RequestFields) -> String {
        fields.string("logGroupName") ?? fields.string("logGroupIdentifier").map(LogsRequest.name(fromIdentifier:)) ?? ""
    }
}
