import PortlessCore

extension OperationTable {
    /// State Manager associations. Creating and updating one is decided on the document and the nodes named by ID
    /// (`InstanceId`, `Targets` with key `InstanceIds`), as SendCommand is; updates, deletes and runs also on the
    /// association. Its runs are the service's, decided once here and not again per run.
    static let ssmAssociations: [String: OperationRule] = {
        var rules = same("ssm", ["DescribeAssociation", "ListAssociations", "DescribeAssociationExecutions",
                                 "DescribeAssociationExecutionTargets", "ListAssociationVersions"])
        rules["CreateAssociation"] = OperationRule("ssm:CreateAssociation", requestTagsField: "Tags") { input in
            try await documentAndNodes(input, document: input.fields.string("Name"))
        }
        rules["UpdateAssociation"] = OperationRule("ssm:UpdateAssociation") { input in
            try await [association(input, id: input.fields.string("AssociationId"))]
                + documentAndNodes(input, document: input.fields.string("Name"))
        }
        rules["DeleteAssociation"] = OperationRule("ssm:DeleteAssociation") { input in
            if let id = input.fields.string("AssociationId") { return [association(input, id: id)] }
            return try await documentAndNodes(input, document: input.fields.string("Name"))
        }
        rules["StartAssociationsOnce"] = OperationRule("ssm:StartAssociationsOnce") { input in
            input.fields.strings("AssociationIds").map { association(input, id: $0) }
        }
        return rules
    }()

    private static func association(_ input: OperationRule.Input, id: String?) -> ResourceRef {
        ResourceRef(arn: ARN.association(region: input.region, account: input.account, id: id ?? ""), accountId: input.account)
    }

    private static func documentAndNodes(_ input: OperationRule.Input, document: String?) async throws -> [ResourceRef] {
        var resources: [ResourceRef] = []
        if let document { resources.append(try await input.resolver.document(document, callerAccount: input.account)) }
        let ids = [input.fields.string("InstanceId")].compactMap { $0 } + input.fields.targetValues("InstanceIds")
        for id in ids where Identifiers.isNodeID(id) {
            resources.append(try await input.resolver.node(id, callerAccount: input.account))
        }
        return resources
    }
}
