import Foundation
import PortlessCore

/// Inline policies of users, groups and roles: put (create or replace), get, delete, list.
struct InlinePolicyService: Sendable {
    let store: any IdentityStore

    /// Stores `document` as the entity's policy `name`, refusing with `LimitExceeded` when the entity's
    /// inline policies together would exceed its size quota (whitespace not counted).
    func put(accountId: String, entity: IAMEntity, name: String, document: String) async throws {
        try entity.validate()
        try IAMValidation.policyName(name)
        try IAMValidation.policyDocument(document, field: "PolicyDocument")
        let tooLarge = PortlessError(aws: .limitExceeded, "Maximum policy size of \(entity.inlineSizeLimit) bytes exceeded for \(entity.kind) \(entity.name)",
                                     field: "PolicyDocument")
        try await entity.modifyPolicies(accountId: accountId, in: store) { policies in
            let others = policies.inline.filter { $0.name != name }
            let size = others.reduce(IAMValidation.policySize(document)) { $0 + IAMValidation.policySize($1.document) }
            guard size <= entity.inlineSizeLimit else { throw tooLarge }
            if let index = policies.inline.firstIndex(where: { $0.name == name }) {
                policies.inline[index].document = document
            } else {
                policies.inline.append(InlinePolicy(name: name, document: document))
            }
        }
    }

    func get(accountId: String, entity: IAMEntity, name: String) async throws -> InlinePolicy {
        try entity.validate()
        try IAMValidation.policyName(name)
        guard let policy = try await entity.policies(accountId: accountId, in: store).inlinePolicy(named: name) else {
            throw Self.notFound(entity, name)
        }
        return policy
    }

    func delete(accountId: String, entity: IAMEntity, name: String) async throws {
        try entity.validate()
        try IAMValidation.policyName(name)
        let missing = Self.notFound(entity, name)
        try await entity.modifyPolicies(accountId: accountId, in: store) { policies in
            guard let index = policies.inline.firstIndex(where: { $0.name == name }) else { throw missing }
            policies.inline.remove(at: index)
        }
    }

    /// The names of the entity's inline policies, sorted, a page at a time.
    func list(accountId: String, entity: IAMEntity, marker: String?, maxItems: String?) async throws -> (names: [String], marker: String?) {
        try entity.validate()
        let names = try await entity.policies(accountId: accountId, in: store).inline.map(\.name).sorted()
        let page = try IAMPaging.page(names, key: { $0 }, marker: marker, maxItems: maxItems)
        return (page.items, page.marker)
    }

    /// IAM's text for a missing inline policy: `The user policy with name X cannot be found.`
    static func notFound(_ entity: IAMEntity, _ name: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "The \(entity.kind) policy with name \(name) cannot be found.", field: "PolicyName")
    }
}
