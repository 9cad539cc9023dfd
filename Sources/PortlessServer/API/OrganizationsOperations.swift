import Foundation
import PortlessCore

/// The `AWSOrganizationsV20161128.*` operations: each decodes its input, calls the organization service and
/// encodes Organizations' reply.
struct OrganizationsOperations: Sendable {
    static let targetPrefix = "AWSOrganizationsV20161128."

    let organizations: OrganizationService

    /// Runs `operation` (the part after the target prefix) and returns the JSON reply body.
    func handle(_ operation: String, body: Data, principal: Principal) async throws -> Data {
        let request = try WireCoding.decode(OrganizationsRequest.self, from: body.isEmpty ? Data("{}".utf8) : body)
        switch operation {
        case "DescribeOrganization":
            return try encode(["Organization": OrganizationShape(record: try await organizations.organization(principal: principal))])
        case "ListRoots":
            let organization = try await organizations.organization(principal: principal)
            return try encode(["Roots": [RootShape(organization: organization)]])
        case "CreateAccount":
            let input = OrganizationService.CreateAccountInput(email: try required(request.email, "Email"),
                                                               accountName: try required(request.accountName, "AccountName"),
                                                               roleName: request.roleName, tags: request.tags ?? [])
            let status = try await organizations.createAccount(input, principal: principal)
            return try encode(["CreateAccountStatus": CreateAccountStatusShape(record: status)])
        case "DescribeCreateAccountStatus":
            let status = try await organizations.createAccountStatus(id: try required(request.createAccountRequestId, "CreateAccountRequestId"),
                                                                     principal: principal)
            return try encode(["CreateAccountStatus": CreateAccountStatusShape(record: status)])
        case "ListAccounts":
            let organization = try await organizations.organization(principal: principal)
            let accounts = try await organizations.accounts(principal: principal)
            let (items, token) = try page(accounts, request)
            return try encode(ListReply(key: "Accounts", items: items.map { AccountShape(record: $0, organization: organization) }, nextToken: token))
        case "DescribeAccount":
            let organization = try await organizations.organization(principal: principal)
            let account = try await organizations.account(id: try required(request.accountId, "AccountId"), principal: principal)
            return try encode(["Account": AccountShape(record: account, organization: organization)])
        case "CreatePolicy", "UpdatePolicy":
            return try await writePolicy(operation, request, principal: principal)
        case "DescribePolicy":
            let organization = try await organizations.organization(principal: principal)
            let policy = try await organizations.policy(id: try required(request.policyId, "PolicyId"), principal: principal)
            return try encode(["Policy": PolicyShape(record: policy, organization: organization, includeContent: true)])
        case "DeletePolicy":
            try await organizations.deletePolicy(id: try required(request.policyId, "PolicyId"), principal: principal)
            return Data("{}".utf8)
        case "ListPolicies":
            let organization = try await organizations.organization(principal: principal)
            let policies = try await organizations.policies(type: try policyType(request.filter, field: "Filter"), principal: principal)
            let (items, token) = try page(policies, request)
            return try encode(ListReply(key: "Policies", items: items.map { PolicyShape(record: $0, organization: organization, includeContent: false) },
                                        nextToken: token))
        case "ListPoliciesForTarget":
            let organization = try await organizations.organization(principal: principal)
            let policies = try await organizations.policies(forTarget: try required(request.targetId, "TargetId"),
                                                            type: try policyType(request.filter, field: "Filter"), principal: principal)
            let (items, token) = try page(policies, request)
            return try encode(ListReply(key: "Policies", items: items.map { PolicyShape(record: $0, organization: organization, includeContent: false) },
                                        nextToken: token))
        case "ListTargetsForPolicy":
            let targets = try await organizations.targets(ofPolicy: try required(request.policyId, "PolicyId"), principal: principal)
            let (items, token) = try page(targets, request)
            return try encode(ListReply(key: "Targets", items: items.map(PolicyTargetShape.init), nextToken: token))
        case "AttachPolicy":
            try await organizations.attachPolicy(id: try required(request.policyId, "PolicyId"), targetId: try required(request.targetId, "TargetId"),
                                                 principal: principal)
            return Data("{}".utf8)
        case "DetachPolicy":
            try await organizations.detachPolicy(id: try required(request.policyId, "PolicyId"), targetId: try required(request.targetId, "TargetId"),
                                                 principal: principal)
            return Data("{}".utf8)
        default:
            throw PortlessError(.unknownOperation, "Operation \(Self.targetPrefix)\(operation) is not supported.", field: "X-Amz-Target")
        }
    }

    private func writePolicy(_ operation: String, _ request: OrganizationsRequest, principal: Principal) async throws -> Data {
        let organization = try await organizations.organization(principal: principal)
        var input = OrganizationService.PolicyInput(name: request.name, description: request.description, content: request.content,
                                                    tags: request.tags ?? [])
        let policy: OrganizationPolicyRecord
        if operation == "CreatePolicy" {
            input.type = try policyType(try required(request.type, "Type"), field: "Type")
            _ = try required(request.description, "Description")
            policy = try await organizations.createPolicy(input, principal: principal)
        } else {
            policy = try await organizations.updatePolicy(id: try required(request.policyId, "PolicyId"), input, principal: principal)
        }
        return try encode(["Policy": PolicyShape(record: policy, organization: organization, includeContent: true)])
    }

    private func policyType(_ text: String?, field: String) throws -> OrganizationPolicyRecord.PolicyType {
        let value = try required(text, field)
        guard let type = OrganizationPolicyRecord.PolicyType(rawValue: value) else {
            throw PortlessError(.invalidInputOrganizations, "Portless supports only SERVICE_CONTROL_POLICY, not '\(value)'.", field: field)
        }
        return type
    }

    private func required(_ value: String?, _ field: String) throws -> String {
        guard let value else { throw PortlessError(.invalidInputOrganizations, "\(field) is required (INPUT_REQUIRED).", field: field) }
        return value
    }

    private func page<T>(_ items: [T], _ request: OrganizationsRequest) throws -> ([T], String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...20, defaultValue: 20)
        return Pagination.page(items, offset: try Pagination.offset(from: request.nextToken), limit: limit)
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
}
