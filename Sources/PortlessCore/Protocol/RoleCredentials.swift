public import Foundation

/// Temporary credentials of a node's role session (server → agent), which the agent hands to the scripts it runs,
/// as SSM's agent does on hybrid nodes.
public struct RoleCredentials: Sendable, Hashable, Codable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String
    public var expiration: Date

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String, expiration: Date) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The variables the AWS CLI and SDKs read.
    public var environment: [String: String] {
        ["AWS_ACCESS_KEY_ID": accessKeyId, "AWS_SECRET_ACCESS_KEY": secretAccessKey, "AWS_SESSION_TOKEN": sessionToken]
    }
}
