import PortlessCore

extension ResourceResolver {
    /// A parameter of `account` (`arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`) with its tags.
    func parameter(_ name: String, account: String) async throws -> ResourceRef {
        let tags = try await store.tags(resourceType: ParameterTagKey.resourceType, resourceId: ParameterTagKey.resourceId(accountId: account, name: name))
        return ResourceRef(arn: ParameterNames.arn(region: region, account: account, name: name), accountId: account, tags: tags, tagService: "ssm")
    }
}
