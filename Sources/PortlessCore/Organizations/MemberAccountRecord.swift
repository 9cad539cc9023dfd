public import Foundation

/// An account of the organization: the management account or a member.
public struct MemberAccountRecord: Sendable, Codable, Hashable {
    /// How an account came into the organization (`Account.JoinedMethod`).
    public enum JoinedMethod: String, Sendable, Codable { case invited = "INVITED", created = "CREATED" }

    public var id: String
    public var name: String
    public var email: String
    public var joinedMethod: JoinedMethod
    public var joinedAt: Date
    public var tags: [Tag]

    public init(id: String, name: String, email: String, joinedMethod: JoinedMethod, joinedAt: Date, tags: [Tag] = []) {
        self.id = id
        self.name = name
        self.email = email
        self.joinedMethod = joinedMethod
        self.joinedAt = joinedAt
        self.tags = tags
    }
}
