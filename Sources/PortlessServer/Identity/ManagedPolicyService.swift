import Foundation
import PortlessCore

/// Managed policies: the account's own (create, versions, tags, delete) and the AWS managed catalog
/// (read-only, visible to every account).
struct ManagedPolicyService: Sendable {
    static let sizeLimit = 6144

    let store: any IdentityStore

    /// What `CreatePolicy` asks for.
    struct CreateInput: Sendable {
        var policyName: String
        var path: String?
        var document: String
        var description: String?
        var tags: [Tag]
    }

    func create(accountId: String, input: CreateInput, now: Date = Date()) async throws -> ManagedPolicyRecord {
        try IAMValidation.policyName(input.policyName)
        let path = input.path ?? "/"
        try IAMValidation.policyPath(path)
        if let description = input.description { try IAMValidation.description(description) }
        try IAMValidation.tags(input.tags)
        try Self.validateDocument(input.document)
        let policy = ManagedPolicyRecord(accountId: accountId, policyName: input.policyName, policyId: Identifiers.policyID(), path: path,
                                         description: input.description, document: input.document, createDate: now.wholeSecond, tags: input.tags)
        try await store.insertManagedPolicy(policy)
        return policy
    }

    /// The policy `arn` names, the account's or AWS's; `NoSuchEntity` when there is none.
    func get(accountId: String, arn: String) async throws -> ManagedPolicy {
        try IAMValidation.arn(arn, field: "PolicyArn")
        guard let parsed = PolicyARN(arn) else { throw Self.invalidARN(arn) }
        if parsed.isAWSManaged, let policy = AWSManagedPolicies.policy(arn: parsed) { return .aws(policy) }
        if parsed.accountId == accountId, let policy = try await store.managedPolicy(accountId: accountId, name: parsed.policyName),
           policy.path == parsed.path, policy.policyName == parsed.policyName {
            return .local(policy)
        }
        throw PortlessError(aws: .noSuchEntity, "Policy \(arn) was not found.", field: "PolicyArn")
    }

    /// Refuses, in IAM's words, an ARN that names no policy the account may attach.
    func requireAttachable(accountId: String, arn: String, field: String = "PolicyArn") async throws {
        do {
            _ = try await get(accountId: accountId, arn: arn)
        } catch let error as PortlessError where error.code == .noSuchEntity {
            throw PortlessError(aws: .noSuchEntity, "Policy \(arn) does not exist or is not attachable.", field: field)
        }
    }

    /// Refuses, in IAM's words, a permissions boundary ARN that names no policy the account may use.
    func requireBoundary(accountId: String, arn: String, field: String = "PermissionsBoundary") async throws {
        try IAMValidation.arn(arn, field: field)
        guard PolicyARN(arn) != nil, (try? await get(accountId: accountId, arn: arn)) != nil else {
            throw PortlessError(aws: .noSuchEntity, "Scope ARN: \(arn) does not exist or is not attachable.", field: field)
        }
    }

    /// `ListPolicies`: `scope` All, AWS or Local; only attached ones; by path prefix; by usage.
    func list(accountId: String, scope: String?, onlyAttached: Bool, pathPrefix: String?, usageFilter: String?,
              marker: String?, maxItems: String?) async throws -> (policies: [ManagedPolicy], usage: [String: PolicyUsage], marker: String?) {
        if let scope { try IAMValidation.oneOf(scope, field: "Scope", ["All", "AWS", "Local"]) }
        if let usageFilter { try IAMValidation.oneOf(usageFilter, field: "PolicyUsageFilter", ["PermissionsPolicy", "PermissionsBoundary"]) }
        if let pathPrefix { try IAMValidation.policyPath(pathPrefix, field: "PathPrefix") }
        var all: [ManagedPolicy] = []
        if scope != "Local" { all += AWSManagedPolicies.all.map(ManagedPolicy.aws) }
        if scope != "AWS" { all += try await store.managedPolicies(accountId: accountId).map(ManagedPolicy.local) }
        let usage = try await store.policyUsage(accountId: accountId)
        let matching = all.filter { policy in
            let used = usage[policy.arn] ?? PolicyUsage()
            let inUse = switch usageFilter {
            case "PermissionsPolicy": used.attachments > 0
            case "PermissionsBoundary": used.boundaries > 0
            default: used.attachments > 0 || used.boundaries > 0
            }
            return (pathPrefix.map(policy.path.hasPrefix) ?? true) && (!onlyAttached || inUse)
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        let page = try IAMPaging.page(matching, key: { $0.name.lowercased() }, marker: marker, maxItems: maxItems)
        return (page.items, usage, page.marker)
    }

    func usage(accountId: String, arn: String) async throws -> PolicyUsage {
        try await store.policyUsage(accountId: accountId)[arn] ?? PolicyUsage()
    }

    /// Deletes the account's policy; refused while it is attached, a boundary, or has other versions.
    func delete(accountId: String, arn: String) async throws {
        let policy = try await local(accountId: accountId, arn: arn)
        let deleted = try await store.deleteManagedPolicy(accountId: accountId, name: policy.policyName) { policy, usage in
            guard usage.attachments == 0 && usage.boundaries == 0 else {
                throw PortlessError(aws: .deleteConflict, "Cannot delete a policy attached to entities.", field: "PolicyArn")
            }
            guard policy.versions.count == 1 else {
                throw PortlessError(aws: .deleteConflict,
                                    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
                                    field: "PolicyArn")
            }
        }
        guard deleted else { throw PortlessError(aws: .noSuchEntity, "Policy \(arn) was not found.", field: "PolicyArn") }
    }

    func createVersion(accountId: String, arn: String, document: String, setAsDefault: Bool, now: Date = Date()) async throws -> PolicyVersionRecord {
        try Self.validateDocument(document)
        let policy = try await local(accountId: accountId, arn: arn)
        let created = now.wholeSecond
        let updated = try await store.modifyManagedPolicy(accountId: accountId, name: policy.policyName) { policy in
            guard policy.versions.count < ManagedPolicyRecord.maximumVersions else {
                throw PortlessError(aws: .limitExceeded,
                                    "A managed policy can have up to \(ManagedPolicyRecord.maximumVersions) versions. Before you create a new version, you must delete an existing version.",
                                    field: "PolicyArn")
            }
            let version = PolicyVersionRecord(versionId: "v\(policy.nextVersion)", document: document, createDate: created)
            policy.versions.append(version)
            policy.nextVersion += 1
            policy.updateDate = created
            if setAsDefault { policy.defaultVersionId = version.versionId }
        }
        guard let version = updated?.versions.last else { throw Self.notFound(arn) }
        return version
    }

    func version(accountId: String, arn: String, versionId: String) async throws -> (PolicyVersionRecord, isDefault: Bool) {
        try IAMValidation.policyVersionId(versionId)
        let policy = try await get(accountId: accountId, arn: arn)
        guard let version = policy.versions.first(where: { $0.versionId == versionId }) else {
            throw Self.noSuchVersion(arn, versionId)
        }
        return (version, version.versionId == policy.defaultVersionId)
    }

    func setDefaultVersion(accountId: String, arn: String, versionId: String) async throws {
        try IAMValidation.policyVersionId(versionId)
        let policy = try await local(accountId: accountId, arn: arn)
        let missing = Self.noSuchVersion(arn, versionId)
        _ = try await store.modifyManagedPolicy(accountId: accountId, name: policy.policyName) { policy in
            guard policy.versions.contains(where: { $0.versionId == versionId }) else { throw missing }
            policy.defaultVersionId = versionId
        }
    }

    func deleteVersion(accountId: String, arn: String, versionId: String) async throws {
        try IAMValidation.policyVersionId(versionId)
        let policy = try await local(accountId: accountId, arn: arn)
        let missing = Self.noSuchVersion(arn, versionId)
        _ = try await store.modifyManagedPolicy(accountId: accountId, name: policy.policyName) { policy in
            guard let index = policy.versions.firstIndex(where: { $0.versionId == versionId }) else { throw missing }
            guard versionId != policy.defaultVersionId else {
                throw PortlessError(aws: .deleteConflict, "Cannot delete the default version of a policy.", field: "VersionId")
            }
            policy.versions.remove(at: index)
        }
    }

    func tag(accountId: String, arn: String, tags: [Tag]) async throws {
        try IAMValidation.tags(tags)
        let policy = try await local(accountId: accountId, arn: arn)
        _ = try await store.modifyManagedPolicy(accountId: accountId, name: policy.policyName) { try TagSet.add(tags, to: &$0.tags) }
    }

    func untag(accountId: String, arn: String, keys: [String]) async throws {
        try IAMValidation.tagKeys(keys)
        let policy = try await local(accountId: accountId, arn: arn)
        _ = try await store.modifyManagedPolicy(accountId: accountId, name: policy.policyName) { TagSet.remove(keys, from: &$0.tags) }
    }

    /// The account's own policy `arn` names; AWS managed policies cannot be changed.
    func local(accountId: String, arn: String) async throws -> ManagedPolicyRecord {
        switch try await get(accountId: accountId, arn: arn) {
        case .local(let policy): return policy
        case .aws:
            throw PortlessError(.accessDeniedQuery, "Policy \(arn) is managed by AWS and cannot be changed.", field: "PolicyArn")
        }
    }

    /// A managed policy document: the model's rules, then IAM's 6,144-character quota (whitespace not counted).
    static func validateDocument(_ document: String) throws {
        try IAMValidation.policyDocument(document, field: "PolicyDocument")
        guard IAMValidation.policySize(document) <= sizeLimit else {
            throw PortlessError(aws: .limitExceeded, "Cannot exceed quota for PolicySize: \(sizeLimit)", field: "PolicyDocument")
        }
    }

    static func invalidARN(_ arn: String) -> PortlessError {
        PortlessError(aws: .invalidInput, "ARN \(arn) is not valid.", field: "PolicyArn")
    }

    static func notFound(_ arn: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "Policy \(arn) was not found.", field: "PolicyArn")
    }

    static func noSuchVersion(_ arn: String, _ versionId: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "Policy \(arn) version \(versionId) does not exist or is not attachable.", field: "VersionId")
    }
}
