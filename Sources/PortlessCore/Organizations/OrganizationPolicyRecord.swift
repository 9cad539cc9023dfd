public import Foundation

/// An organization policy. Portless enforces service control policies; the type is kept typed so that
/// other types can follow.
public struct OrganizationPolicyRecord: Sendable, Codable, Hashable {
    public enum PolicyType: String, Sendable, Codable, CaseIterable {
        case serviceControlPolicy = "SERVICE_CONTROL_POLICY"

        /// The type's segment in policy ARNs.
        public var arnSegment: String { rawValue.lowercased() }
    }

    /// `p-` and 8–128 alphanumerics or underscores.
    public var id: String
    public var name: String
    public var description: String
    public var type: PolicyType
    public var awsManaged: Bool
    public var content: String
    public var tags: [Tag]

    public init(id: String, name: String, description: String, type: PolicyType, awsManaged: Bool, content: String, tags: [Tag] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.type = type
        self.awsManaged = awsManaged
        self.content = content
        self.tags = tags
    }

    /// `FullAWSAccess`, the AWS-managed SCP attached to the root and to every account when SCPs are on.
    public static let fullAWSAccess = OrganizationPolicyRecord(
        id: "p-FullAWSAccess", name: "FullAWSAccess", description: "Allows access to every operation",
        type: .serviceControlPolicy, awsManaged: true,
        content: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
}
