import Foundation
import PortlessCore

/// STS: session tokens (with MFA) and role assumption across accounts, decided by the role's trust policy
/// and the caller's own policies through the authorizer.
struct STSService: Sendable {
    let store: any IdentityStore
    let issuer: CredentialIssuer
    let durations: SessionDurations
    let authorizer: Authorizer
    let mfa: MFAService

    /// The service over `store`; reads the test-only `PORTLESS_TEST_MIN_SESSION_SECONDS`.
    static func make(store: any Store & IdentityStore, keyring: Keyring, authorizer: Authorizer) -> STSService {
        STSService(store: store, issuer: CredentialIssuer(store: store, keyring: keyring), durations: TestSessionMinimum.durations(),
                   authorizer: authorizer, mfa: MFAService(store: store, keyring: keyring))
    }

    /// What `AssumeRole` asks for.
    struct AssumeRoleInput: Sendable {
        var roleArn: String
        var sessionName: String
        var durationSeconds: String?
        var policy: String?
        var policyArns: [String] = []
        var tags: [Tag] = []
        var transitiveTagKeys: [String] = []
        var externalId: String?
        var serialNumber: String?
        var tokenCode: String?
        var sourceIdentity: String?
    }

    /// What `AssumeRole` returns.
    struct AssumedRole: Sendable {
        var credentials: IssuedCredentials
        var session: AssumedRoleSession
        var role: RoleRecord
        var sourceIdentity: String?
        /// How much of the session-policy allowance the policies and tags use, in percent.
        var packedPolicySize: Int
    }

    /// `GetSessionToken`: credentials acting as the caller, carrying MFA when a valid code is given. Not
    /// callable with temporary credentials.
    func getSessionToken(principal: Principal, durationSeconds: String?, serialNumber: String?, tokenCode: String?,
                         now: Date = Date()) async throws -> IssuedCredentials {
        let seconds = try durations.getSessionToken(durationSeconds)
        guard !principal.isTemporary else {
            throw PortlessError(aws: .accessDeniedQuery, "Cannot call GetSessionToken with session credentials")
        }
        let verifiedAt = try await verifyMFA(principal: principal, serialNumber: serialNumber, tokenCode: tokenCode, now: now,
                                             unknownDevice: Self.unknownDevice)
        let context = SessionContext(issuedAt: now, mfaAuthenticatedAt: verifiedAt)
        return try await issuer.issue(accountId: principal.accountId, userName: principal.userName, iamUserId: principal.iamUserId,
                                      iamUserPath: principal.iamUserId == nil ? nil : principal.userPath,
                                      sourceAccessKeyId: principal.accessKeyId, assumedRole: nil, context: context, seconds: seconds, now: now)
    }

    /// `AssumeRole`: checks the input, finds the role in any account, and lets the authorizer decide
    /// `sts:AssumeRole` (and `sts:TagSession` / `sts:SetSourceIdentity` when asked for) with the role's trust
    /// policy as the resource policy — both the caller's account and the role's trust must allow it.
    func assumeRole(principal: Principal, input: AssumeRoleInput, facts: CallFacts, now: Date = Date()) async throws -> AssumedRole {
        try STSValidation.assumeRole(policy: input.policy, policyArns: input.policyArns, externalId: input.externalId,
                                     sourceIdentity: input.sourceIdentity, transitiveTagKeys: input.transitiveTagKeys)
        try IAMValidation.sessionName(input.sessionName)
        try IAMValidation.tags(input.tags)
        if let policy = input.policy { try IAMValidation.policyDocument(policy, field: "Policy", kind: .session) }
        let arn = try RoleARN(parsing: input.roleArn)
        if let text = input.durationSeconds {
            _ = try IAMValidation.integer(text, field: "DurationSeconds", in: durations.minimum...SessionDurations.assumeRoleMaximum)
        }
        guard !principal.isRoot else {
            throw PortlessError(aws: .accessDeniedQuery, "Roles may not be assumed by root accounts.")
        }
        let verifiedAt = try await verifyMFA(principal: principal, serialNumber: input.serialNumber, tokenCode: input.tokenCode, now: now,
                                             unknownDevice: Self.invalidCode)
        let mfaAt = verifiedAt ?? principal.session?.mfaAuthenticatedAt
        let role = try await store.role(accountId: arn.accountId, name: arn.roleName)
        let denied = PortlessError(aws: .accessDeniedQuery,
                                   "User: \(principal.arn) is not authorized to perform: sts:AssumeRole on resource: \(input.roleArn)")
        guard let role, role.roleName == arn.roleName, role.path == arn.path else { throw denied }
        let trust = authorizer.sources.compiled.policy(role.assumeRolePolicyDocument, kind: .trust, name: "trust policy of \(role.arn)")
        guard let trust else { throw denied }
        let sessionTags = input.tags + inheritedTags(principal, replacing: input.tags)
        var keys: [String: [ConditionValue]] = ["sts:RoleSessionName": [.string(input.sessionName)]]
        if let externalId = input.externalId { keys["sts:ExternalId"] = [.string(externalId)] }
        let sourceIdentity = principal.session?.sourceIdentity ?? input.sourceIdentity
        if let sourceIdentity { keys["sts:SourceIdentity"] = [.string(sourceIdentity)] }
        if !input.transitiveTagKeys.isEmpty { keys["sts:TransitiveTagKeys"] = input.transitiveTagKeys.map { .string($0) } }
        if verifiedAt != nil {
            keys["aws:MultiFactorAuthPresent"] = [.bool(true)]
            keys["aws:MultiFactorAuthAge"] = [.number(0)]
        }
        let resource = ResourceRef(arn: role.arn, accountId: role.accountId, tags: role.tags, tagService: "iam", policy: trust)
        var facts = facts
        facts.requestTags = input.tags
        facts.keys.merge(keys) { _, new in new }
        var actions = ["sts:AssumeRole"]
        if !input.tags.isEmpty { actions.append("sts:TagSession") }
        if input.sourceIdentity != nil && principal.session?.sourceIdentity == nil { actions.append("sts:SetSourceIdentity") }
        let applied = try await authorizer.sources.applied(to: principal)
        for action in actions {
            for outcome in authorizer.decide(AccessCheck(action, [resource], facts: facts), by: principal, applied: applied, now: now)
            where !outcome.decision.isAllowed {
                throw PortlessError(aws: .accessDeniedQuery,
                                    outcome.decision.message(principalArn: principal.arn, action: action, resource: role.arn))
            }
        }
        let seconds = try durations.assumeRole(input.durationSeconds, roleMaximum: role.maxSessionDuration, chained: principal.assumedRole != nil)
        let session = AssumedRoleSession(roleName: role.roleName, roleId: role.roleId, rolePath: role.path, sessionName: input.sessionName,
                                         tags: sessionTags)
        var policies: [SessionContext.PolicySource] = input.policy.map { [.inline($0)] } ?? []
        policies += input.policyArns.map { .managed($0) }
        let context = SessionContext(issuedAt: now, mfaAuthenticatedAt: mfaAt, sourceIdentity: sourceIdentity, sessionPolicies: policies)
        let credentials = try await issuer.issue(accountId: role.accountId, userName: input.sessionName, iamUserId: nil,
                                                 sourceAccessKeyId: principal.accessKeyId, assumedRole: session, context: context,
                                                 seconds: seconds, now: now)
        return AssumedRole(credentials: credentials, session: session, role: role, sourceIdentity: sourceIdentity,
                           packedPolicySize: STSValidation.packedPolicySize(policy: input.policy, policyArns: input.policyArns, tags: input.tags))
    }

    /// The caller's own session tags carry into a chained session unless the request sets the same key — all
    /// of them, since which were `TransitiveTagKeys` is not recorded with the session.
    private func inheritedTags(_ principal: Principal, replacing: [Tag]) -> [Tag] {
        let given = Set(replacing.map { $0.key.lowercased() })
        return (principal.assumedRole?.tags ?? []).filter { !given.contains($0.key.lowercased()) }
    }

    /// Checks an MFA code of the caller's own device: nil when none is given, the check time when it is
    /// valid; refuses half a pair, an unknown device and a wrong or replayed code in STS's words.
    private func verifyMFA(principal: Principal, serialNumber: String?, tokenCode: String?, now: Date,
                           unknownDevice: PortlessError) async throws -> Date? {
        switch (serialNumber, tokenCode) {
        case (nil, nil):
            return nil
        case (let serial?, let code?):
            try STSValidation.mfa(serialNumber: serial, tokenCode: code)
            guard principal.iamUserId != nil, let device = try await store.mfaDevice(accountId: principal.accountId, serialNumber: serial),
                  device.userName == principal.userName
            else { throw unknownDevice }
            guard try await mfa.verify(accountId: principal.accountId, serialNumber: serial, code: code, now: now) else {
                throw Self.invalidCode
            }
            return now
        default:
            throw PortlessError(aws: .accessDeniedQuery, "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.")
        }
    }

    static let invalidCode = PortlessError(aws: .accessDeniedQuery, "MultiFactorAuthentication failed with invalid MFA one time pass code.")
    static let unknownDevice = PortlessError(aws: .accessDeniedQuery,
                                             "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.")
}
