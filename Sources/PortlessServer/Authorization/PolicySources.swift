import Foundation
import PortlessCore
import Synchronization

/// Gathers and compiles every policy that applies to a principal — identity policies and boundary from
/// IAM, session policies from its credentials, SCPs from the organization — and caches the result until
/// the store's IAM revision changes (every IAM and SCP write raises it).
final class PolicySources: Sendable {
    private struct Entry {
        var revision: Int64
        var applied: AppliedPolicies
    }

    static let capacity = 1024

    let identities: PrincipalPolicySource
    let organizations: OrganizationService
    let organization: OrganizationRecord
    let compiled = PolicyCompileCache()
    private let cache = Mutex<[String: Entry]>([:])

    init(identities: PrincipalPolicySource, organizations: OrganizationService, organization: OrganizationRecord) {
        self.identities = identities
        self.organizations = organizations
        self.organization = organization
    }

    /// Whether nothing but a resource's own policy can limit `principal` in its own account: the root user
    /// of the management account (SCPs do not apply there).
    func isUnrestricted(_ principal: Principal) -> Bool {
        principal.isRoot && principal.accountId == organization.managementAccountId
    }

    /// The policies applying to `principal`, from the cache when nothing changed since they were read.
    func applied(to principal: Principal) async throws -> AppliedPolicies {
        let key = principal.accessKeyId
        let current = try await identities.generation()
        if let entry = cache.withLock({ $0[key] }), entry.revision == current { return entry.applied }
        let applied = try await load(principal)
        cache.withLock { cache in
            if cache.count >= Self.capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = Entry(revision: current, applied: applied)
        }
        return applied
    }

    private func load(_ principal: Principal) async throws -> AppliedPolicies {
        var identity: [Policy] = []
        var boundary: Policy?
        var tags: [Tag] = []
        if !principal.isRoot {
            let found = if let role = principal.assumedRole {
                try await identities.forRole(accountId: principal.accountId, roleName: role.roleName)
            } else {
                try await identities.forUser(accountId: principal.accountId, userName: principal.userName)
            }
            identity = found.identity.compactMap { compiled.policy($0.document, kind: .identity, name: $0.name) }
            boundary = found.boundary.map { compiled.policy($0.document, kind: .permissionsBoundary, name: $0.name) ?? Self.allowingNothing(.permissionsBoundary) }
            tags = found.tags
        }
        var session: [Policy]?
        if let context = principal.session, !context.sessionPolicies.isEmpty {
            var policies: [Policy] = []
            for source in context.sessionPolicies {
                switch source {
                case .inline(let document):
                    policies.append(compiled.policy(document, kind: .session, name: "session policy") ?? Self.allowingNothing(.session))
                case .managed(let arn):
                    if let text = try await identities.managedPolicy(arn: arn) {
                        policies.append(compiled.policy(text.document, kind: .session, name: arn) ?? Self.allowingNothing(.session))
                    }
                }
            }
            session = policies
        }
        let sessionTags = principal.assumedRole?.tags ?? []
        let sessionKeys = Set(sessionTags.map { $0.key.lowercased() })
        let serviceControl = try await organizations.serviceControlPolicies(accountId: principal.accountId).map { level in
            level.map { compiled.policy($0.content, kind: .serviceControl, name: $0.id) ?? Self.allowingNothing(.serviceControl) }
        }
        return AppliedPolicies(identity: identity, boundary: boundary, session: session, serviceControl: serviceControl,
                               principalTags: sessionTags + tags.filter { !sessionKeys.contains($0.key.lowercased()) },
                               organizationId: organization.id)
    }

    /// What a stored document the parser refuses stands for: a policy of its kind that allows nothing.
    static func allowingNothing(_ kind: PolicyKind) -> Policy {
        // A fixed, valid document: compiling it cannot fail.
        try! Policy(json: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"portless:None","Resource":"*"}]}"#,
                    kind: kind, name: "unreadable policy")
    }
}
