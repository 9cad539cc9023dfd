extension PortlessServer {
    /// The one authorizer over this server's store and organization.
    func makeAuthorizer() -> Authorizer {
        let sources = PolicySources(identities: PrincipalPolicySource(store: store), organizations: OrganizationService(store: store),
                                    organization: organization)
        return Authorizer(sources: sources, resolver: ResourceResolver(store: store, region: configuration.region),
                          region: configuration.region)
    }
}
