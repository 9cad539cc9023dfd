import PortlessCore

extension OperationTable {
    /// CloudTrail (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*`): event history and the trail list are read
    /// on no particular resource; the trail operations name the trail (`arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME`).
    static let cloudTrail: [String: OperationRule] = {
        var rules = same("cloudtrail", ["LookupEvents", "DescribeTrails"])
        for name in ["CreateTrail", "GetTrail", "GetTrailStatus", "StartLogging", "StopLogging", "DeleteTrail"] {
            rules[name] = OperationRule("cloudtrail:\(name)") { input in
                let given = input.fields.string("Name") ?? ""
                let arn = given.hasPrefix("arn:") ? given : "arn:aws:cloudtrail:\(input.region):\(input.account):trail/\(given)"
                return [ResourceRef(arn: arn, accountId: input.account)]
            }
        }
        return rules
    }()
}
