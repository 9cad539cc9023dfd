import PortlessCore

extension OperationTable {
    /// SSM (`AmazonSSM.*`). SendCommand names the document and the nodes given by ID here; nodes chosen by
    /// `Targets` are decided by the command service once it has resolved them.
    static let ssm: [String: OperationRule] = {
        var rules = same("ssm", ["DescribeActivations", "DeleteActivation", "DescribeInstanceInformation", "ListDocuments",
                                 "CancelCommand", "ListCommands", "ListCommandInvocations", "GetCommandInvocation"])
        rules["CreateActivation"] = OperationRule("ssm:CreateActivation", requestTagsField: "Tags")
        for name in ["GetDocument", "DescribeDocument", "ListDocumentVersions", "UpdateDocument", "UpdateDocumentDefaultVersion",
                     "DeleteDocument", "DescribeDocumentPermission", "ModifyDocumentPermission"] {
            rules[name] = OperationRule("ssm:\(name)") { input in
                [try await input.resolver.document(input.fields.string("Name") ?? "", callerAccount: input.account)]
            }
        }
        rules["CreateDocument"] = OperationRule("ssm:CreateDocument", requestTagsField: "Tags") { input in
            [ResourceRef(arn: ARN.document(region: input.region, account: input.account, name: input.fields.string("Name") ?? ""),
                         accountId: input.account)]
        }
        for name in ["AddTagsToResource", "RemoveTagsFromResource", "ListTagsForResource"] {
            rules[name] = OperationRule("ssm:\(name)", requestTagsField: name == "AddTagsToResource" ? "Tags" : nil, resources: { input in
                let id = input.fields.string("ResourceId") ?? ""
                if input.fields.string("ResourceType") == DocumentTagKey.resourceType {
                    return [try await input.resolver.document(id, callerAccount: input.account)]
                }
                if input.fields.string("ResourceType") == ParameterTagKey.resourceType {
                    return [try await input.resolver.parameter(id, account: input.account)]
                }
                return [try await input.resolver.node(id, callerAccount: input.account)]
            }, keys: { input in
                name == "RemoveTagsFromResource" ? ["aws:TagKeys": input.fields.strings("TagKeys").map { .string($0) }] : [:]
            })
        }
        rules["SendCommand"] = OperationRule("ssm:SendCommand") { input in
            var resources = [try await input.resolver.document(input.fields.string("DocumentName") ?? "", callerAccount: input.account)]
            for id in input.fields.strings("InstanceIds") where Identifiers.isNodeID(id) {
                resources.append(try await input.resolver.node(id, callerAccount: input.account))
            }
            return resources
        }
        rules.merge(ssmAssociations) { current, _ in current }
        rules.merge(ssmCompliance) { $1 }
        rules.merge(ssmParameters) { $1 }
        rules.merge(sessions) { $1 }
        return rules
    }()
}
