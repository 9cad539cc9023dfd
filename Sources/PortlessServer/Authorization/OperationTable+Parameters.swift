import PortlessCore

extension OperationTable {
    /// Parameter Store (`AmazonSSM.*Parameter*`), on `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME` (leading slash dropped).
    /// GetParameters and DeleteParameters name every parameter; GetParametersByPath names the path; DescribeParameters is on `*`.
    static let ssmParameters: [String: OperationRule] = {
        var rules = same("ssm", ["DescribeParameters"])
        for name in ["PutParameter", "GetParameter", "DeleteParameter", "GetParameterHistory", "LabelParameterVersion", "UnlabelParameterVersion"] {
            rules[name] = OperationRule("ssm:\(name)", requestTagsField: name == "PutParameter" ? "Tags" : nil) { input in
                [try await input.resolver.parameter(ParameterSelector.name(of: input.fields.string("Name") ?? ""), account: input.account)]
            }
        }
        rules["GetParameters"] = OperationRule("ssm:GetParameters") { input in
            try await parameters(input.fields.strings("Names").map(ParameterSelector.name(of:)), input)
        }
        rules["DeleteParameters"] = OperationRule("ssm:DeleteParameters") { input in
            try await parameters(input.fields.strings("Names"), input)
        }
        rules["GetParametersByPath"] = OperationRule("ssm:GetParametersByPath") { input in
            [ResourceRef(arn: ParameterNames.arn(region: input.region, account: input.account, name: input.fields.string("Path") ?? ""),
                         accountId: input.account)]
        }
        return rules
    }()

    /// Parameters of the caller's account by name, with their tags.
    static func parameters(_ names: [String], _ input: OperationRule.Input) async throws -> [ResourceRef] {
        var resources: [ResourceRef] = []
        for name in names { resources.append(try await input.resolver.parameter(name, account: input.account)) }
        return resources
    }
}
