/// An IAM identity that carries tags and a permissions boundary: a user or a role.
public protocol BoundedIAMEntity: Sendable {
    var tags: [Tag] { get set }
    /// The managed policy ARN that bounds its permissions, nil for none.
    var permissionsBoundary: String? { get set }
}

extension UserRecord: BoundedIAMEntity {}
extension RoleRecord: BoundedIAMEntity {}
