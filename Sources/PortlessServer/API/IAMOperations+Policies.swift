import Foundation
import PortlessCore

/// IAM managed policy actions: policies, versions and tags.
extension IAMOperations {
    static let policyActions: [String: Handler] = [
        "CreatePolicy": { iam, p, principal in
            let input = ManagedPolicyService.CreateInput(policyName: try p.required("PolicyName"), path: p["Path"],
                                                         document: try p.required("PolicyDocument"), description: p["Description"],
                                                         tags: try p.tags("Tags"))
            let policy = try await iam.policies.create(accountId: principal.accountId, input: input)
            return [XMLTag("Policy", children: QueryXML.policy(.local(policy), usage: PolicyUsage()))]
        },
        "GetPolicy": { iam, p, principal in
            let arn = try p.required("PolicyArn")
            let policy = try await iam.policies.get(accountId: principal.accountId, arn: arn)
            let usage = try await iam.policies.usage(accountId: principal.accountId, arn: policy.arn)
            return [XMLTag("Policy", children: QueryXML.policy(policy, usage: usage))]
        },
        "ListPolicies": { iam, p, principal in
            let result = try await iam.policies.list(accountId: principal.accountId, scope: p["Scope"], onlyAttached: try bool(p, "OnlyAttached") ?? false,
                                                     pathPrefix: p["PathPrefix"], usageFilter: p["PolicyUsageFilter"],
                                                     marker: p["Marker"], maxItems: p["MaxItems"])
            let members = result.policies.map { QueryXML.policy($0, usage: result.usage[$0.arn] ?? PolicyUsage(), detailed: false) }
            return QueryXML.page("Policies", members, marker: result.marker)
        },
        "DeletePolicy": { iam, p, principal in
            try await iam.policies.delete(accountId: principal.accountId, arn: try p.required("PolicyArn"))
            return nil
        },
        "CreatePolicyVersion": { iam, p, principal in
            let setAsDefault = try bool(p, "SetAsDefault") ?? false
            let version = try await iam.policies.createVersion(accountId: principal.accountId, arn: try p.required("PolicyArn"),
                                                               document: try p.required("PolicyDocument"), setAsDefault: setAsDefault)
            return [XMLTag("PolicyVersion", children: QueryXML.policyVersion(version, isDefault: setAsDefault, withDocument: false))]
        },
        "GetPolicyVersion": { iam, p, principal in
            let (version, isDefault) = try await iam.policies.version(accountId: principal.accountId, arn: try p.required("PolicyArn"),
                                                                      versionId: try p.required("VersionId"))
            return [XMLTag("PolicyVersion", children: QueryXML.policyVersion(version, isDefault: isDefault))]
        },
        "ListPolicyVersions": { iam, p, principal in
            let policy = try await iam.policies.get(accountId: principal.accountId, arn: try p.required("PolicyArn"))
            // Newest first; the paging key orders them so (a zero-padded countdown).
            let number: (PolicyVersionRecord) -> Int = { Int($0.versionId.dropFirst()) ?? 0 }
            let versions = policy.versions.sorted { number($0) > number($1) }
            let key: (PolicyVersionRecord) -> String = { version in
                let rank = String(1_000_000_000 - number(version))
                return String(repeating: "0", count: max(0, 10 - rank.count)) + rank
            }
            let page = try IAMPaging.page(versions, key: key, marker: p["Marker"], maxItems: p["MaxItems"])
            let members = page.items.map { QueryXML.policyVersion($0, isDefault: $0.versionId == policy.defaultVersionId, withDocument: false) }
            return QueryXML.page("Versions", members, marker: page.marker)
        },
        "SetDefaultPolicyVersion": { iam, p, principal in
            try await iam.policies.setDefaultVersion(accountId: principal.accountId, arn: try p.required("PolicyArn"), versionId: try p.required("VersionId"))
            return nil
        },
        "DeletePolicyVersion": { iam, p, principal in
            try await iam.policies.deleteVersion(accountId: principal.accountId, arn: try p.required("PolicyArn"), versionId: try p.required("VersionId"))
            return nil
        },
        "TagPolicy": { iam, p, principal in
            try await iam.policies.tag(accountId: principal.accountId, arn: try p.required("PolicyArn"), tags: try p.tags("Tags"))
            return nil
        },
        "UntagPolicy": { iam, p, principal in
            try await iam.policies.untag(accountId: principal.accountId, arn: try p.required("PolicyArn"), keys: p.members("TagKeys"))
            return nil
        },
        "ListPolicyTags": { iam, p, principal in
            let policy = try await iam.policies.get(accountId: principal.accountId, arn: try p.required("PolicyArn"))
            return try tagPage(policy.tags, p)
        },
    ]
}
