import Foundation
import PortlessCore

/// Makes the organization on first start (or on the first start after an upgrade): the root account
/// becomes its management account.
enum OrganizationBootstrap {
    /// The organization, made now if there was none.
    static func ensure(store: any OrganizationStore, managementAccountId: String, now: Date = Date()) async throws -> OrganizationRecord {
        if let existing = try await store.organization() { return existing }
        let joined = now.wholeSecond
        let email = "management@\(managementAccountId).portless.invalid"
        let organization = OrganizationRecord(id: Identifiers.organizationID(), managementAccountId: managementAccountId,
                                              managementAccountEmail: email, rootId: Identifiers.organizationRootID(), createdAt: joined)
        let management = MemberAccountRecord(id: managementAccountId, name: "Management", email: email, joinedMethod: .created, joinedAt: joined)
        try await store.createOrganization(organization, management: management)
        return try await store.organization() ?? organization
    }
}
