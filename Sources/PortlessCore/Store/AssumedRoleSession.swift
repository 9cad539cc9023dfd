/// The role and session name that temporary credentials from `AssumeRole` act as.
public struct AssumedRoleSession: Sendable, Codable, Hashable {
    public var roleName: String
    public var roleId: String
    /// The role's path (`/` or `/a/b/`), part of its ARN.
    public var rolePath: String
    public var sessionName: String
    /// Session tags given to `AssumeRole`.
    public var tags: [Tag]

    public init(roleName: String, roleId: String, rolePath: String = "/", sessionName: String, tags: [Tag] = []) {
        self.roleName = roleName
        self.roleId = roleId
        self.rolePath = rolePath
        self.sessionName = sessionName
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey { case roleName, roleId, rolePath, sessionName, tags }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        roleName = try container.decode(String.self, forKey: .roleName)
        roleId = try container.decode(String.self, forKey: .roleId)
        rolePath = try container.decodeIfPresent(String.self, forKey: .rolePath) ?? "/"
        sessionName = try container.decode(String.self, forKey: .sessionName)
        tags = try container.decode([Tag].self, forKey: .tags)
    }

    /// `AROA…:SESSION`, the `UserId` of the session.
    public var assumedRoleId: String { "\(roleId):\(sessionName)" }

    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` (the role's path is not part of it).
    public func arn(accountId: String) -> String { "arn:aws:sts::\(accountId):assumed-role/\(roleName)/\(sessionName)" }
}
