import Foundation
import PortlessCore

extension AuditIdentity {
    /// `principal` as CloudTrail's `userIdentity`: `Root`, `IAMUser` (with a session context for its session
    /// credentials) or `AssumedRole` (with the role as session issuer and whether MFA was used).
    init(principal: Principal) {
        let attributes = principal.session.map {
            AuditSessionContext.Attributes(creationDate: $0.issuedAt, mfaAuthenticated: $0.mfaAuthenticatedAt != nil)
        }
        if let role = principal.assumedRole {
            let issuer = AuditSessionContext.Issuer(principalId: role.roleId, arn: "arn:aws:iam::\(principal.accountId):role\(role.rolePath)\(role.roleName)",
                                                    accountId: principal.accountId, userName: role.roleName)
            let context = AuditSessionContext(sessionIssuer: issuer,
                                              attributes: attributes ?? AuditSessionContext.Attributes(creationDate: Date(), mfaAuthenticated: false),
                                              sourceIdentity: principal.session?.sourceIdentity)
            self.init(type: "AssumedRole", principalId: role.assumedRoleId, arn: principal.arn, accountId: principal.accountId,
                      accessKeyId: principal.accessKeyId, sessionContext: context)
            return
        }
        let context = principal.isTemporary ? attributes.map { AuditSessionContext(sessionIssuer: nil, attributes: $0) } : nil
        if principal.isRoot {
            self.init(type: "Root", principalId: principal.accountId, arn: principal.arn, accountId: principal.accountId,
                      accessKeyId: principal.accessKeyId, sessionContext: context)
        } else {
            self.init(type: "IAMUser", principalId: principal.userId, arn: principal.arn, accountId: principal.accountId,
                      accessKeyId: principal.accessKeyId, userName: principal.userName, sessionContext: context)
        }
    }
}
