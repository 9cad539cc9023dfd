import Foundation
import PortlessCore

/// Organizations requests: every field optional here; the operations check what is required.
struct OrganizationsRequest: Decodable, Sendable {
    var email: String?
    var accountName: String?
    var roleName: String?
    var tags: [Tag]?
    var createAccountRequestId: String?
    var accountId: String?
    var policyId: String?
    var targetId: String?
    var name: String?
    var description: String?
    var content: String?
    var type: String?
    var filter: String?
    var maxResults: Int?
    var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case email = "Email", accountName = "AccountName", roleName = "RoleName", tags = "Tags"
        case createAccountRequestId = "CreateAccountRequestId", accountId = "AccountId", policyId = "PolicyId", targetId = "TargetId"
        case name = "Name", description = "Description", content = "Content", type = "Type", filter = "Filter"
        case maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// `CreateAccountStatus`.
struct CreateAccountStatusShape: Encodable, Sendable {
    var record: CreateAccountStatusRecord

    enum CodingKeys: String, CodingKey {
        case id = "Id", accountName = "AccountName", state = "State", requestedTimestamp = "RequestedTimestamp"
        case completedTimestamp = "CompletedTimestamp", accountId = "AccountId", failureReason = "FailureReason"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.accountName, forKey: .accountName)
        try container.encode(record.state.rawValue, forKey: .state)
        try container.encode(record.requestedAt, forKey: .requestedTimestamp)
        try container.encodeIfPresent(record.completedAt, forKey: .completedTimestamp)
        try container.encodeIfPresent(record.accountId, forKey: .accountId)
        try container.encodeIfPresent(record.failureReason?.rawValue, forKey: .failureReason)
    }
}

/// `Account`.
struct AccountShape: Encodable, Sendable {
    var record: MemberAccountRecord
    var organization: OrganizationRecord

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", email = "Email", name = "Name", status = "Status", state = "State"
        case joinedMethod = "JoinedMethod", joinedTimestamp = "JoinedTimestamp"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(organization.accountArn(record.id), forKey: .arn)
        try container.encode(record.email, forKey: .email)
        try container.encode(record.name, forKey: .name)
        try container.encode("ACTIVE", forKey: .status)
        try container.encode("ACTIVE", forKey: .state)
        try container.encode(record.joinedMethod.rawValue, forKey: .joinedMethod)
        try container.encode(record.joinedAt, forKey: .joinedTimestamp)
    }
}

/// `Organization`.
struct OrganizationShape: Encodable, Sendable {
    var record: OrganizationRecord

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", featureSet = "FeatureSet", masterAccountArn = "MasterAccountArn"
        case masterAccountId = "MasterAccountId", masterAccountEmail = "MasterAccountEmail", availablePolicyTypes = "AvailablePolicyTypes"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.arn, forKey: .arn)
        try container.encode("ALL", forKey: .featureSet)
        try container.encode(record.accountArn(record.managementAccountId), forKey: .masterAccountArn)
        try container.encode(record.managementAccountId, forKey: .masterAccountId)
        try container.encode(record.managementAccountEmail, forKey: .masterAccountEmail)
        try container.encode([PolicyTypeSummaryShape.serviceControl], forKey: .availablePolicyTypes)
    }
}

/// `PolicyTypeSummary`: SCPs are always enabled in Portless.
struct PolicyTypeSummaryShape: Encodable, Sendable {
    static let serviceControl = PolicyTypeSummaryShape(type: OrganizationPolicyRecord.PolicyType.serviceControlPolicy.rawValue, status: "ENABLED")
    var type: String
    var status: String
    enum CodingKeys: String, CodingKey { case type = "Type", status = "Status" }
}

/// `Root`.
struct RootShape: Encodable, Sendable {
    var organization: OrganizationRecord
    enum CodingKeys: String, CodingKey { case id = "Id", arn = "Arn", name = "Name", policyTypes = "PolicyTypes" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(organization.rootId, forKey: .id)
        try container.encode(organization.rootArn, forKey: .arn)
        try container.encode("Root", forKey: .name)
        try container.encode([PolicyTypeSummaryShape.serviceControl], forKey: .policyTypes)
    }
}

/// `PolicySummary`, and `Policy` (a summary and the content) when `includeContent`.
struct PolicyShape: Encodable, Sendable {
    var record: OrganizationPolicyRecord
    var organization: OrganizationRecord
    var includeContent: Bool

    enum CodingKeys: String, CodingKey { case policySummary = "PolicySummary", content = "Content" }
    enum SummaryKeys: String, CodingKey {
        case id = "Id", arn = "Arn", name = "Name", description = "Description", type = "Type", awsManaged = "AwsManaged"
    }

    func encode(to encoder: any Encoder) throws {
        if includeContent {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try encodeSummary(into: container.nestedContainer(keyedBy: SummaryKeys.self, forKey: .policySummary))
            try container.encode(record.content, forKey: .content)
        } else {
            try encodeSummary(into: encoder.container(keyedBy: SummaryKeys.self))
        }
    }

    private func encodeSummary(into container: KeyedEncodingContainer<SummaryKeys>) throws {
        var container = container
        try container.encode(record.id, forKey: .id)
        try container.encode(organization.policyArn(record), forKey: .arn)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.description, forKey: .description)
        try container.encode(record.type.rawValue, forKey: .type)
        try container.encode(record.awsManaged, forKey: .awsManaged)
    }
}

/// `PolicyTargetSummary`.
struct PolicyTargetShape: Encodable, Sendable {
    var target: PolicyTarget
    enum CodingKeys: String, CodingKey { case targetId = "TargetId", arn = "Arn", name = "Name", type = "Type" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(target.id, forKey: .targetId)
        try container.encode(target.arn, forKey: .arn)
        try container.encode(target.name, forKey: .name)
        try container.encode(target.kind.rawValue, forKey: .type)
    }
}
