import Foundation
import PortlessCore

/// Fills the condition keys Portless can know beyond those the evaluator derives from the principal itself
/// (`aws:username`, `aws:userid`, `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalOrgID`,
/// `aws:PrincipalType`, from `PrincipalFacts`): the principal's tags (`aws:PrincipalTag/*`), the session's (`aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge`,
/// `aws:TokenIssueTime`, `aws:SourceIdentity`), the request's (`aws:SourceIp`, `aws:CurrentTime`,
/// `aws:EpochTime`, `aws:SecureTransport`, `aws:RequestedRegion`, `aws:RequestTag/*`, `aws:TagKeys`, and the
/// operation's service keys) and, per resource, `aws:ResourceAccount`, `aws:ResourceTag/*` and the service's
/// own `…:resourceTag/*`.
struct AuthorizationContextBuilder {
    let principal: Principal
    let applied: AppliedPolicies
    let region: String
    let now: Date

    func context(facts: CallFacts) -> AuthorizationContext {
        var context = AuthorizationContext()
        for tag in applied.principalTags where context["aws:PrincipalTag/\(tag.key)"] == nil {
            context.set("aws:PrincipalTag/\(tag.key)", tag.value)
        }
        if let session = principal.session {
            context["aws:MultiFactorAuthPresent"] = [.bool(session.mfaAuthenticatedAt != nil)]
            if let verified = session.mfaAuthenticatedAt {
                context["aws:MultiFactorAuthAge"] = [.number(max(0, now.timeIntervalSince(verified).rounded(.down)))]
            }
            context["aws:TokenIssueTime"] = [.date(session.issuedAt)]
            if let sourceIdentity = session.sourceIdentity { context.set("aws:SourceIdentity", sourceIdentity) }
        } else if principal.isTemporary {
            context["aws:MultiFactorAuthPresent"] = [.bool(false)]
        }
        if let sourceIp = facts.sourceIp { context["aws:SourceIp"] = [.ip(sourceIp)] }
        context["aws:CurrentTime"] = [.date(now)]
        context["aws:EpochTime"] = [.number(now.timeIntervalSince1970.rounded(.down))]
        context["aws:SecureTransport"] = [.bool(facts.secureTransport)]
        context.set("aws:RequestedRegion", region)
        for tag in facts.requestTags { context.set("aws:RequestTag/\(tag.key)", tag.value) }
        if !facts.requestTags.isEmpty { context["aws:TagKeys"] = facts.requestTags.map { .string($0.key) } }
        for (key, values) in facts.keys { context[key] = values }
        return context
    }

    /// `base` with the keys of one resource added.
    static func adding(resource: ResourceRef, to base: AuthorizationContext) -> AuthorizationContext {
        var context = base
        if let accountId = resource.accountId { context.set("aws:ResourceAccount", accountId) }
        for tag in resource.tags {
            context.set("aws:ResourceTag/\(tag.key)", tag.value)
            if let service = resource.tagService { context.set("\(service):resourceTag/\(tag.key)", tag.value) }
        }
        return context
    }
}
