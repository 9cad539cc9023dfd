public import Foundation

/// What temporary credentials carry into every later decision: when they were issued, whether and when
/// MFA was used, the source identity, and the session policies that limit them.
public struct SessionContext: Sendable, Codable, Hashable {
    /// A session policy: inline (`Policy`) or a managed policy ARN (`PolicyArns`).
    public enum PolicySource: Sendable, Codable, Hashable {
        case inline(String)
        case managed(String)
    }

    public var issuedAt: Date
    /// When the MFA code behind these credentials was checked; nil without MFA.
    public var mfaAuthenticatedAt: Date?
    public var sourceIdentity: String?
    public var sessionPolicies: [PolicySource]

    public init(issuedAt: Date, mfaAuthenticatedAt: Date? = nil, sourceIdentity: String? = nil, sessionPolicies: [PolicySource] = []) {
        self.issuedAt = issuedAt
        self.mfaAuthenticatedAt = mfaAuthenticatedAt
        self.sourceIdentity = sourceIdentity
        self.sessionPolicies = sessionPolicies
    }
}
