import Foundation
import PortlessCore

/// Makes the organization on first start (or on the first start after an upgrade): the root account
/// becomes its management account.
enum OrganizationBootstrap {
    static func ensure(store: any OrganizationStore, managementAccountId: String, now: Date = Date()) async throws {
        guard try await store.organization() == nil else { return }
        let joined = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let email = "management@\(managementAccountId).portless.invalid"
        let organization = OrganizationRecord(id: Identifiers.organizationID(), managementAccountId: managementAccountId,
                                              managementAccountEmail: email, rootId: Identifiers.organizationRootID(), createdAt: joined)
        let management = MemberAccountRecord(id: managementAccountId, name: "Management", email: email, joinedMethod: .created, joinedAt: joined)
        try await store.createOrganization(organization, management: management)
    }
}
