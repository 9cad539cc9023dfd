import Foundation
import PortlessCore

/// STS: session tokens and role assumption.
///
/// Until the policy evaluator exists, a role may be assumed by any principal of the role's own account;
/// its trust policy is stored as given and not yet evaluated.
struct STSService: Sendable {
    let store: any IdentityStore
    let issuer: CredentialIssuer
    let durations: SessionDurations

    /// What `AssumeRole` asks for.
    struct AssumeRoleInput: Sendable {
        var roleArn: String
        var sessionName: String
        var durationSeconds: String?
        var policy: String?
        var tags: [Tag]
    }

    /// `GetSessionToken`: credentials acting as the caller. Not callable with temporary credentials.
    func getSessionToken(principal: Principal, durationSeconds: String?, now: Date = Date()) async throws -> IssuedCredentials {
        let seconds = try durations.getSessionToken(durationSeconds)
        guard !principal.isTemporary else {
            throw PortlessError(aws: .accessDeniedQuery, "Cannot call GetSessionToken with session credentials")
        }
        return try await issuer.issue(accountId: principal.accountId, userName: principal.userName,
                                      sourceAccessKeyId: principal.accessKeyId, assumedRole: nil, seconds: seconds, now: now)
    }

    /// `AssumeRole`: checks the input, finds the role (in the caller's own account), and issues credentials
    /// acting as `ROLE/SESSION`.
    func assumeRole(principal: Principal, input: AssumeRoleInput, now: Date = Date()) async throws -> (IssuedCredentials, AssumedRoleSession, RoleRecord) {
        try IAMValidation.sessionName(input.sessionName)
        let arn = try RoleARN(parsing: input.roleArn)
        try IAMValidation.tags(input.tags)
        if let policy = input.policy {
            guard (1...2048).contains(policy.count) else {
                throw ConstraintViolation.withoutValue(.validationError, field: "Policy", policy.isEmpty ? .minLength(1) : .maxLength(2048))
            }
            try IAMValidation.policyDocument(policy, field: "Policy")
        }
        let denied = PortlessError(aws: .accessDeniedQuery, "User: \(principal.arn) is not authorized to perform: sts:AssumeRole on resource: \(input.roleArn)")
        guard arn.accountId == principal.accountId else { throw denied }
        guard let role = try await store.role(accountId: arn.accountId, name: arn.roleName),
              role.roleName == arn.roleName, role.path == arn.path
        else { throw denied }
        let seconds = try durations.assumeRole(input.durationSeconds, roleMaximum: role.maxSessionDuration,
                                               chained: principal.assumedRole != nil)
        let session = AssumedRoleSession(roleName: role.roleName, roleId: role.roleId, sessionName: input.sessionName, tags: input.tags)
        let credentials = try await issuer.issue(accountId: role.accountId, userName: input.sessionName,
                                                 sourceAccessKeyId: principal.accessKeyId, assumedRole: session, seconds: seconds, now: now)
        return (credentials, session, role)
    }
}
