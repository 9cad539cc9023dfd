/// The role and session name that temporary credentials from `AssumeRole` act as.
public struct AssumedRoleSession: Sendable, Codable, Hashable {
    public var roleName: String
    public var roleId: String
    public var sessionName: String
    /// Session tags given to `AssumeRole`.
    public var tags: [Tag]

    public init(roleName: String, roleId: String, sessionName: String, tags: [Tag] = []) {
        self.roleName = roleName
        self.roleId = roleId
        self.sessionName = sessionName
        self.tags = tags
    }

    /// `AROA…:SESSION`, the `UserId` of the session.
    public var assumedRoleId: String { "\(roleId):\(sessionName)" }

    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` (the role's path is not part of it).
    public func arn(accountId: String) -> String { "arn:aws:sts::\(accountId):assumed-role/\(roleName)/\(sessionName)" }
}
