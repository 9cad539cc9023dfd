import Foundation
import PortlessCore

/// The tags and permissions boundary of a user or role, under the same IAM rules for both.
struct EntityAttributes<Entity: BoundedIAMEntity>: Sendable {
    typealias Modify = @Sendable (_ accountId: String, _ name: String, _ body: @escaping @Sendable (inout Entity) throws -> Void) async throws -> Void

    let policies: ManagedPolicyService
    /// Checks the entity name a request gives.
    let validateName: @Sendable (String) throws -> Void
    /// Reads, changes and writes the entity; `NoSuchEntity` when there is none.
    let modify: Modify

    func tag(accountId: String, name: String, tags: [Tag]) async throws {
        try validateName(name)
        try IAMValidation.tags(tags)
        try await modify(accountId, name) { try TagSet.add(tags, to: &$0.tags) }
    }

    func untag(accountId: String, name: String, keys: [String]) async throws {
        try validateName(name)
        try IAMValidation.tagKeys(keys)
        try await modify(accountId, name) { TagSet.remove(keys, from: &$0.tags) }
    }

    func putBoundary(accountId: String, name: String, arn: String) async throws {
        try validateName(name)
        try await policies.requireBoundary(accountId: accountId, arn: arn)
        try await modify(accountId, name) { $0.permissionsBoundary = arn }
    }

    func deleteBoundary(accountId: String, name: String) async throws {
        try validateName(name)
        try await modify(accountId, name) { $0.permissionsBoundary = nil }
    }
}
