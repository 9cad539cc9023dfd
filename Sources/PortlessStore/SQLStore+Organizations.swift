public import Foundation
public import PortlessCore
import SQLKit

extension SQLStore: OrganizationStore {
    public func organization() async throws -> OrganizationRecord? {
        try await first(OrganizationRecord.self, "SELECT body FROM organization LIMIT 1")
    }

    public func createOrganization(_ organization: OrganizationRecord, management: MemberAccountRecord) async throws {
        let body = try RecordCoding.encode(organization)
        let account = try RecordCoding.encode(management)
        let fullAccess = OrganizationPolicyRecord.fullAWSAccess.id
        try await transaction { db in
            guard try await db.raw("SELECT id FROM organization").first() == nil else { return }
            try await db.raw("INSERT INTO organization (id, body) VALUES (\(bind: organization.id), \(bind: body))").run()
            try await db.raw("UPDATE accounts SET body = \(bind: account) WHERE id = \(bind: management.id)").run()
            for target in [organization.rootId, management.id] {
                try await db.raw("INSERT INTO organization_policy_targets (policy_id, target_id) VALUES (\(bind: fullAccess), \(bind: target))").run()
            }
        }
    }

    public func memberAccounts() async throws -> [MemberAccountRecord] {
        try await all(MemberAccountRecord.self, "SELECT body FROM accounts WHERE body IS NOT NULL ORDER BY created_at, id")
    }

    public func memberAccount(id: String) async throws -> MemberAccountRecord? {
        try await first(MemberAccountRecord.self, "SELECT body FROM accounts WHERE id = \(bind: id) AND body IS NOT NULL")
    }

    public func recordCreateAccount(_ status: CreateAccountStatusRecord, account: MemberAccountRecord?, role: RoleRecord?) async throws {
        let statusBody = try RecordCoding.encode(status)
        let accountBody = try account.map { try RecordCoding.encode($0) }
        let roleBody = try role.map { try RecordCoding.encode($0) }
        let fullAccess = OrganizationPolicyRecord.fullAWSAccess.id
        try await transaction { db in
            try await db.raw("""
                INSERT INTO create_account_requests (id, requested_at, body)
                VALUES (\(bind: status.id), \(bind: status.requestedAt.timeIntervalSince1970), \(bind: statusBody))
                """).run()
            if let account, let accountBody {
                try await db.raw("""
                    INSERT INTO accounts (id, is_root, created_at, body)
                    VALUES (\(bind: account.id), 0, \(bind: account.joinedAt.timeIntervalSince1970), \(bind: accountBody))
                    """).run()
                try await db.raw("INSERT INTO organization_policy_targets (policy_id, target_id) VALUES (\(bind: fullAccess), \(bind: account.id))").run()
            }
            try await Self.bumpRevision(db)
            if let role, let roleBody {
                try await db.raw("""
                    INSERT INTO roles (account_id, name_key, path, created_at, body)
                    VALUES (\(bind: role.accountId), \(bind: role.roleName.lowercased()), \(bind: role.path),
                            \(bind: role.createDate.timeIntervalSince1970), \(bind: roleBody))
                    """).run()
            }
        }
    }

    public func createAccountStatus(id: String) async throws -> CreateAccountStatusRecord? {
        try await first(CreateAccountStatusRecord.self, "SELECT body FROM create_account_requests WHERE id = \(bind: id)")
    }

    public func insertOrganizationPolicy(_ policy: OrganizationPolicyRecord) async throws {
        let body = try RecordCoding.encode(policy)
        try await transaction { db in
            try await Self.refuseDuplicateName(policy, db: db)
            try await db.raw("""
                INSERT INTO organization_policies (id, type, name, body)
                VALUES (\(bind: policy.id), \(bind: policy.type.rawValue), \(bind: policy.name), \(bind: body))
                """).run()
        }
    }

    public func organizationPolicy(id: String) async throws -> OrganizationPolicyRecord? {
        if id == OrganizationPolicyRecord.fullAWSAccess.id { return .fullAWSAccess }
        return try await first(OrganizationPolicyRecord.self, "SELECT body FROM organization_policies WHERE id = \(bind: id)")
    }

    public func organizationPolicies(type: OrganizationPolicyRecord.PolicyType) async throws -> [OrganizationPolicyRecord] {
        let custom = try await all(OrganizationPolicyRecord.self,
                                   "SELECT body FROM organization_policies WHERE type = \(bind: type.rawValue) ORDER BY name, id")
        return type == .serviceControlPolicy ? [.fullAWSAccess] + custom : custom
    }

    public func updateOrganizationPolicy(_ policy: OrganizationPolicyRecord) async throws {
        let body = try RecordCoding.encode(policy)
        try await transaction { db in
            try await Self.refuseDuplicateName(policy, db: db)
            try await db.raw("UPDATE organization_policies SET name = \(bind: policy.name), body = \(bind: body) WHERE id = \(bind: policy.id)").run()
            try await Self.bumpRevision(db)
        }
    }

    public func deleteOrganizationPolicy(id: String) async throws {
        try await transaction { db in
            guard try await db.raw("SELECT target_id FROM organization_policy_targets WHERE policy_id = \(bind: id) LIMIT 1").first() == nil else {
                throw PortlessError.Organizations.inUse
            }
            try await db.raw("DELETE FROM organization_policies WHERE id = \(bind: id)").run()
        }
    }

    public func attachOrganizationPolicy(id: String, targetId: String) async throws {
        try await transaction { db in
            let existing = try await db.raw("""
                SELECT policy_id FROM organization_policy_targets WHERE policy_id = \(bind: id) AND target_id = \(bind: targetId)
                """).first()
            guard existing == nil else { throw PortlessError.Organizations.duplicateAttachment }
            try await db.raw("INSERT INTO organization_policy_targets (policy_id, target_id) VALUES (\(bind: id), \(bind: targetId))").run()
            try await Self.bumpRevision(db)
        }
    }

    public func detachOrganizationPolicy(id: String, targetId: String) async throws -> Bool {
        try await transaction { db in
            let existing = try await db.raw("""
                SELECT policy_id FROM organization_policy_targets WHERE policy_id = \(bind: id) AND target_id = \(bind: targetId)
                """).first()
            guard existing != nil else { return false }
            try await db.raw("DELETE FROM organization_policy_targets WHERE policy_id = \(bind: id) AND target_id = \(bind: targetId)").run()
            try await Self.bumpRevision(db)
            return true
        }
    }

    public func organizationPolicyIds(targetId: String) async throws -> [String] {
        try await serialized { db in
            try await db.raw("SELECT policy_id FROM organization_policy_targets WHERE target_id = \(bind: targetId) ORDER BY policy_id").all()
                .map { try $0.decode(column: "policy_id", as: String.self) }
        }
    }

    public func organizationPolicyTargets(id: String) async throws -> [String] {
        try await serialized { db in
            try await db.raw("SELECT target_id FROM organization_policy_targets WHERE policy_id = \(bind: id) ORDER BY target_id").all()
                .map { try $0.decode(column: "target_id", as: String.self) }
        }
    }

    private static func refuseDuplicateName(_ policy: OrganizationPolicyRecord, db: any SQLDatabase) async throws {
        let clash = try await db.raw("""
            SELECT id FROM organization_policies WHERE type = \(bind: policy.type.rawValue) AND name = \(bind: policy.name) AND id != \(bind: policy.id)
            """).first()
        guard clash == nil, policy.name != OrganizationPolicyRecord.fullAWSAccess.name else { throw PortlessError.Organizations.duplicatePolicy }
    }
}
