/// Every policy that applies to one request.
public struct PolicySet: Sendable {
    /// The principal's identity policies: user, group and role inline and managed (default versions).
    public var identity: [Policy]
    /// The principal's permissions boundary; `nil` for none.
    public var permissionsBoundary: Policy?
    /// The session policies of a role or federated session; `nil` for none (never `[]`).
    public var session: [Policy]?
    /// The SCPs of each level from the organization root down to the account; `[]` outside an organization
    /// and for the management account.
    public var serviceControl: [[Policy]]
    /// The resource's own policy: a bucket policy, a role's trust policy (for `sts:AssumeRole*`), …
    public var resource: Policy?

    public init(identity: [Policy] = [], permissionsBoundary: Policy? = nil, session: [Policy]? = nil,
                serviceControl: [[Policy]] = [], resource: Policy? = nil) {
        self.identity = identity
        self.permissionsBoundary = permissionsBoundary
        self.session = session
        self.serviceControl = serviceControl
        self.resource = resource
    }
}
