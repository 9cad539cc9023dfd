/// The entities that use a managed policy, as permissions policy (attached) or as boundary.
public struct PolicyEntities: Sendable {
    public var users: [UserRecord] = []
    public var groups: [GroupRecord] = []
    public var roles: [RoleRecord] = []
    public var boundaryUsers: [UserRecord] = []
    public var boundaryRoles: [RoleRecord] = []

    public init() {}
}
