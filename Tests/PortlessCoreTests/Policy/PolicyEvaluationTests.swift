import Testing
@testable import PortlessCore

@Suite("Policy evaluation logic")
struct PolicyEvaluationTests {
    typealias F = PolicyFixtures

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let request: AuthorizationRequest
        let policies: PolicySet
        let expected: Decision.Reason
        var testDescription: String { name }
    }

    static func id(_ statements: String...) -> Policy { policy(.identity, statements) }
    static func boundary(_ statements: String...) -> Policy { policy(.permissionsBoundary, statements) }
    static func session(_ statements: String...) -> Policy { policy(.session, statements) }
    static func scp(_ statements: String...) -> Policy { policy(.serviceControl, statements) }
    static func resource(_ statements: String...) -> Policy { policy(.resource, statements) }
    static func trust(_ statements: String...) -> Policy { policy(.trust, statements) }
    static func policy(_ kind: PolicyKind, _ statements: [String]) -> Policy {
        let body = statements.map { "{\($0)}" }.joined(separator: ",")
        return try! Policy(json: #"{"Version":"2012-10-17","Statement":[\#(body)]}"#, kind: kind)
    }

    static func allow(_ action: String, _ resource: String = "*") -> String { #""Effect":"Allow","Action":"\#(action)","Resource":"\#(resource)""# }
    static func deny(_ action: String, _ resource: String = "*") -> String { #""Effect":"Deny","Action":"\#(action)","Resource":"\#(resource)""# }
    static func grant(_ principal: String, _ action: String, _ resource: String = "*", effect: String = "Allow") -> String {
        #""Effect":"\#(effect)","Principal":\#(principal),"Action":"\#(action)","Resource":"\#(resource)""#
    }
    static func trusts(_ principal: String, effect: String = "Allow") -> String {
        #""Effect":"\#(effect)","Principal":\#(principal),"Action":"sts:AssumeRole""#
    }

    static let bucket = "arn:aws:s3:::reports/q1.csv"
    static let role = "arn:aws:iam::111122223333:role/Target"
    static let get = F.request(F.alice, "s3:GetObject", bucket)
    static let sessionGet = F.request(F.session, "s3:GetObject", bucket)
    static let bobGet = F.request(F.bob, "s3:GetObject", bucket, account: F.account)
    static let send = F.request()
    static let assume = F.request(F.alice, "sts:AssumeRole", role)
    static let bobAssume = F.request(F.bob, "sts:AssumeRole", role, account: F.account)
    static let aliceArn = #"{"AWS":"arn:aws:iam::111122223333:user/alice"}"#
    static let roleArn = #"{"AWS":"arn:aws:iam::111122223333:role/ops/Deployer"}"#
    static let sessionArn = #"{"AWS":"arn:aws:sts::111122223333:assumed-role/Deployer/s1"}"#
    static let ownAccount = #"{"AWS":"111122223333"}"#
    static let ownRoot = #"{"AWS":"arn:aws:iam::111122223333:root"}"#
    static let otherAccount = #"{"AWS":"444455556666"}"#
    static let bobArn = #"{"AWS":"arn:aws:iam::444455556666:user/bob"}"#

    static let cases: [Case] = [
        // Identity policies alone.
        Case(name: "identity allow", request: send, policies: PolicySet(identity: [id(allow("ssm:*"))]), expected: .allowed),
        Case(name: "no policy: implicit deny", request: send, policies: PolicySet(), expected: .implicitDeny(.identity)),
        Case(name: "allow for another action", request: send, policies: PolicySet(identity: [id(allow("ssm:StartSession"))]), expected: .implicitDeny(.identity)),
        Case(name: "deny beats allow in one policy", request: send, policies: PolicySet(identity: [id(allow("*"), deny("ssm:SendCommand"))]), expected: .explicitDeny(.identity)),
        Case(name: "deny in another attached policy", request: send, policies: PolicySet(identity: [id(allow("*")), id(allow("s3:*")), id(deny("ssm:Send*"))]), expected: .explicitDeny(.identity)),
        Case(name: "deny on another resource", request: send, policies: PolicySet(identity: [id(allow("*"), deny("*", F.document))]), expected: .allowed),
        // Service control policies: every level must allow; a deny anywhere wins; the management account is exempt.
        Case(name: "SCP FullAWSAccess", request: send, policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"))]]), expected: .allowed),
        Case(name: "SCP lower level lacks ssm", request: send, policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"))], [scp(allow("s3:*"))]]), expected: .implicitDeny(.serviceControl)),
        Case(name: "SCP any policy of a level suffices", request: send, policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"))], [scp(allow("s3:*")), scp(allow("ssm:*"))]]), expected: .allowed),
        Case(name: "SCP deny", request: send, policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"), deny("ssm:SendCommand"))]]), expected: .explicitDeny(.serviceControl)),
        Case(name: "SCP allow grants nothing by itself", request: send, policies: PolicySet(serviceControl: [[scp(allow("*"))]]), expected: .implicitDeny(.identity)),
        Case(name: "management account: no SCPs", request: send, policies: PolicySet(identity: [id(allow("*"))], serviceControl: []), expected: .allowed),
        Case(name: "SCP deny before identity deny", request: send, policies: PolicySet(identity: [id(deny("*"))], serviceControl: [[scp(deny("*"))]]), expected: .explicitDeny(.serviceControl)),
        // The root user.
        Case(name: "root outside an organization", request: F.request(F.root, "iam:CreateUser", "*"), policies: PolicySet(), expected: .allowed),
        Case(name: "member root limited by SCP", request: F.request(F.root), policies: PolicySet(serviceControl: [[scp(allow("s3:*"))]]), expected: .implicitDeny(.serviceControl)),
        Case(name: "member root allowed by SCP", request: F.request(F.root), policies: PolicySet(serviceControl: [[scp(allow("*"))]]), expected: .allowed),
        Case(name: "member root and an SCP deny", request: F.request(F.root), policies: PolicySet(serviceControl: [[scp(allow("*"), deny("ssm:*"))]]), expected: .explicitDeny(.serviceControl)),
        Case(name: "root and a resource policy deny", request: F.request(F.root, "s3:GetObject", bucket), policies: PolicySet(resource: resource(grant(ownRoot, "s3:*", effect: "Deny"))), expected: .explicitDeny(.resource)),
        Case(name: "root cross-account needs the resource policy", request: F.request(F.otherRoot, "s3:GetObject", bucket, account: F.account), policies: PolicySet(), expected: .implicitDeny(.resource)),
        Case(name: "root cross-account with its account named", request: F.request(F.otherRoot, "s3:GetObject", bucket, account: F.account), policies: PolicySet(resource: resource(grant(otherAccount, "s3:GetObject"))), expected: .allowed),
        // Permissions boundaries limit; they never grant.
        Case(name: "boundary allows, identity does not", request: send, policies: PolicySet(identity: [id(allow("s3:*"))], permissionsBoundary: boundary(allow("ssm:*"))), expected: .implicitDeny(.identity)),
        Case(name: "identity allows, boundary does not", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], permissionsBoundary: boundary(allow("ssm:*"))), expected: .implicitDeny(.permissionsBoundary)),
        Case(name: "both allow", request: send, policies: PolicySet(identity: [id(allow("*"))], permissionsBoundary: boundary(allow("ssm:*"))), expected: .allowed),
        Case(name: "boundary deny", request: send, policies: PolicySet(identity: [id(allow("*"))], permissionsBoundary: boundary(allow("*"), deny("ssm:SendCommand"))), expected: .explicitDeny(.permissionsBoundary)),
        Case(name: "boundary + SCP + identity all allow", request: send, policies: PolicySet(identity: [id(allow("ssm:SendCommand"))], permissionsBoundary: boundary(allow("ssm:*")), serviceControl: [[scp(allow("*"))], [scp(allow("ssm:*"))]]), expected: .allowed),
        Case(name: "SCP checked before boundary", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], permissionsBoundary: boundary(allow("ssm:*")), serviceControl: [[scp(allow("ssm:*"))]]), expected: .implicitDeny(.serviceControl)),
        // Session policies limit the role's identity policies.
        Case(name: "session policy allows", request: F.request(F.session), policies: PolicySet(identity: [id(allow("*"))], session: [session(allow("ssm:SendCommand"))]), expected: .allowed),
        Case(name: "session policy lacks the action", request: F.request(F.session), policies: PolicySet(identity: [id(allow("*"))], session: [session(allow("s3:*"))]), expected: .implicitDeny(.session)),
        Case(name: "session policy cannot grant", request: F.request(F.session), policies: PolicySet(identity: [id(allow("s3:*"))], session: [session(allow("*"))]), expected: .implicitDeny(.identity)),
        Case(name: "any of several session policies", request: F.request(F.session), policies: PolicySet(identity: [id(allow("*"))], session: [session(allow("s3:*")), session(allow("ssm:*"))]), expected: .allowed),
        Case(name: "session policy deny", request: F.request(F.session), policies: PolicySet(identity: [id(allow("*"))], session: [session(allow("*"), deny("ssm:*"))]), expected: .explicitDeny(.session)),
        Case(name: "boundary before session", request: F.request(F.session), policies: PolicySet(identity: [id(allow("*"))], permissionsBoundary: boundary(allow("s3:*")), session: [session(allow("s3:*"))]), expected: .implicitDeny(.permissionsBoundary)),
        // Same account with a resource policy.
        Case(name: "resource policy naming the user suffices", request: get, policies: PolicySet(resource: resource(grant(aliceArn, "s3:GetObject"))), expected: .allowed),
        Case(name: "user ARN not limited by boundary", request: get, policies: PolicySet(permissionsBoundary: boundary(allow("ssm:*")), resource: resource(grant(aliceArn, "s3:GetObject"))), expected: .allowed),
        Case(name: "resource policy for everyone", request: get, policies: PolicySet(resource: resource(grant(#""*""#, "s3:GetObject"))), expected: .allowed),
        Case(name: "resource policy naming the account delegates", request: get, policies: PolicySet(resource: resource(grant(ownAccount, "s3:GetObject"))), expected: .implicitDeny(.identity)),
        Case(name: "account named and identity allows", request: get, policies: PolicySet(identity: [id(allow("s3:GetObject"))], resource: resource(grant(ownRoot, "s3:GetObject"))), expected: .allowed),
        Case(name: "resource policy for someone else", request: get, policies: PolicySet(resource: resource(grant(bobArn, "s3:GetObject"))), expected: .implicitDeny(.identity)),
        Case(name: "identity allow without resource allow", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(grant(bobArn, "s3:GetObject"))), expected: .allowed),
        Case(name: "resource policy deny", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(grant(aliceArn, "s3:*", effect: "Deny"))), expected: .explicitDeny(.resource)),
        Case(name: "resource deny for the account covers the user", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(grant(ownAccount, "s3:*", effect: "Deny"))), expected: .explicitDeny(.resource)),
        Case(name: "role ARN named: no identity allow needed", request: sessionGet, policies: PolicySet(resource: resource(grant(roleArn, "s3:GetObject"))), expected: .allowed),
        Case(name: "role ARN named: limited by boundary", request: sessionGet, policies: PolicySet(permissionsBoundary: boundary(allow("ssm:*")), resource: resource(grant(roleArn, "s3:GetObject"))), expected: .implicitDeny(.permissionsBoundary)),
        Case(name: "role ARN named: limited by session policy", request: sessionGet, policies: PolicySet(session: [session(allow("ssm:*"))], resource: resource(grant(roleArn, "s3:GetObject"))), expected: .implicitDeny(.session)),
        Case(name: "session ARN named: not limited by session policy", request: sessionGet, policies: PolicySet(session: [session(allow("ssm:*"))], resource: resource(grant(sessionArn, "s3:GetObject"))), expected: .allowed),
        Case(name: "session ARN named: not limited by boundary", request: sessionGet, policies: PolicySet(permissionsBoundary: boundary(allow("ssm:*")), resource: resource(grant(sessionArn, "s3:GetObject"))), expected: .allowed),
        Case(name: "SCP still limits a resource-policy grant", request: get, policies: PolicySet(serviceControl: [[scp(allow("ssm:*"))]], resource: resource(grant(aliceArn, "s3:GetObject"))), expected: .implicitDeny(.serviceControl)),
        Case(name: "identity deny beats a resource grant", request: get, policies: PolicySet(identity: [id(deny("s3:*"))], resource: resource(grant(aliceArn, "s3:GetObject"))), expected: .explicitDeny(.identity)),
        // Across accounts both sides must allow.
        Case(name: "cross-account: both allow", request: bobGet, policies: PolicySet(identity: [id(allow("s3:GetObject"))], resource: resource(grant(bobArn, "s3:GetObject"))), expected: .allowed),
        Case(name: "cross-account: account named", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(grant(otherAccount, "s3:GetObject"))), expected: .allowed),
        Case(name: "cross-account: no resource policy", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))]), expected: .implicitDeny(.resource)),
        Case(name: "cross-account: resource policy for another account", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(grant(ownAccount, "s3:GetObject"))), expected: .implicitDeny(.resource)),
        Case(name: "cross-account: no identity allow", request: bobGet, policies: PolicySet(resource: resource(grant(bobArn, "s3:GetObject"))), expected: .implicitDeny(.identity)),
        Case(name: "cross-account: user ARN still limited by boundary", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))], permissionsBoundary: boundary(allow("ssm:*")), resource: resource(grant(bobArn, "s3:GetObject"))), expected: .implicitDeny(.permissionsBoundary)),
        Case(name: "cross-account: caller's SCP", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))], serviceControl: [[scp(deny("s3:*"), allow("*"))]], resource: resource(grant(bobArn, "s3:GetObject"))), expected: .explicitDeny(.serviceControl)),
        Case(name: "cross-account: resource deny", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(grant(bobArn, "s3:GetObject"), grant(#""*""#, "s3:GetObject", effect: "Deny"))), expected: .explicitDeny(.resource)),
        Case(name: "resourceAccount equal to own is not cross-account", request: F.request(F.alice, "s3:GetObject", bucket, account: F.account), policies: PolicySet(identity: [id(allow("s3:*"))]), expected: .allowed),
        // Trust policies: resource policies for sts:AssumeRole that must allow even in the same account.
        Case(name: "trust names the user", request: assume, policies: PolicySet(resource: trust(trusts(aliceArn))), expected: .allowed),
        Case(name: "trust names the account, no identity allow", request: assume, policies: PolicySet(resource: trust(trusts(ownAccount))), expected: .implicitDeny(.identity)),
        Case(name: "trust names the account, identity allows", request: assume, policies: PolicySet(identity: [id(allow("sts:AssumeRole", role))], resource: trust(trusts(ownRoot))), expected: .allowed),
        Case(name: "trust names someone else", request: assume, policies: PolicySet(identity: [id(allow("*"))], resource: trust(trusts(bobArn))), expected: .implicitDeny(.resource)),
        Case(name: "trust deny", request: assume, policies: PolicySet(identity: [id(allow("*"))], resource: trust(trusts(ownRoot), trusts(aliceArn, effect: "Deny"))), expected: .explicitDeny(.trust)),
        Case(name: "cross-account assume", request: bobAssume, policies: PolicySet(identity: [id(allow("sts:AssumeRole"))], resource: trust(trusts(otherAccount))), expected: .allowed),
        Case(name: "cross-account assume without identity allow", request: bobAssume, policies: PolicySet(resource: trust(trusts(bobArn))), expected: .implicitDeny(.identity)),
        Case(name: "service principal trusted", request: F.request(F.ssmService, "sts:AssumeRole", role), policies: PolicySet(resource: trust(trusts(#"{"Service":"ssm.amazonaws.com"}"#))), expected: .allowed),
        Case(name: "other service principal", request: F.request(F.ssmService, "sts:AssumeRole", role), policies: PolicySet(resource: trust(trusts(#"{"Service":["ec2.amazonaws.com"]}"#))), expected: .implicitDeny(.resource)),
        Case(name: "service principal ignores SCPs and identity", request: F.request(F.ssmService, "sts:AssumeRole", role), policies: PolicySet(identity: [id(deny("*"))], serviceControl: [[scp(deny("*"))]], resource: trust(trusts(#"{"Service":"ssm.amazonaws.com"}"#))), expected: .allowed),
        Case(name: "AWS * does not admit services", request: F.request(F.ssmService, "sts:AssumeRole", role), policies: PolicySet(resource: trust(trusts(#"{"AWS":"*"}"#))), expected: .implicitDeny(.resource)),
        // Anonymous callers: only a resource policy for everyone.
        Case(name: "anonymous and a public bucket", request: F.request(F.anonymous, "s3:GetObject", bucket), policies: PolicySet(resource: resource(grant(#""*""#, "s3:GetObject"))), expected: .allowed),
        Case(name: "anonymous and {AWS:*}", request: F.request(F.anonymous, "s3:GetObject", bucket), policies: PolicySet(resource: resource(grant(#"{"AWS":"*"}"#, "s3:GetObject"))), expected: .implicitDeny(.resource)),
        Case(name: "anonymous without a resource policy", request: F.request(F.anonymous, "s3:GetObject", bucket), policies: PolicySet(), expected: .implicitDeny(.resource)),
        // NotPrincipal: every name of the caller must be listed to exempt it; with a boundary a Deny always applies.
        Case(name: "NotPrincipal deny exempts user + account", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(#""Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/alice","111122223333"]},"Action":"s3:*","Resource":"*""#)), expected: .allowed),
        Case(name: "NotPrincipal deny with only the user ARN", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(#""Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"*""#)), expected: .explicitDeny(.resource)),
        Case(name: "NotPrincipal deny with role ARN only", request: sessionGet, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(#""Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:role/ops/Deployer","111122223333"]},"Action":"s3:*","Resource":"*""#)), expected: .explicitDeny(.resource)),
        Case(name: "NotPrincipal deny with role, session and account", request: sessionGet, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(#""Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:role/ops/Deployer","arn:aws:sts::111122223333:assumed-role/Deployer/s1","111122223333"]},"Action":"s3:*","Resource":"*""#)), expected: .allowed),
        Case(name: "NotPrincipal deny always applies with a boundary", request: get, policies: PolicySet(identity: [id(allow("s3:*"))], permissionsBoundary: boundary(allow("s3:*")), resource: resource(#""Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/alice","111122223333"]},"Action":"s3:*","Resource":"*""#)), expected: .explicitDeny(.resource)),
        Case(name: "NotPrincipal deny hits others", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(grant(bobArn, "s3:GetObject"), #""Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/alice","111122223333"]},"Action":"s3:*","Resource":"*""#)), expected: .explicitDeny(.resource)),
        // Conditions on principal-derived keys across kinds.
        Case(name: "SCP deny outside a region", request: F.request(F.alice, "ssm:SendCommand", F.node, ["aws:RequestedRegion": [.string("eu-west-1")]]), policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"), #""Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"]}}"#)]]), expected: .explicitDeny(.serviceControl)),
        Case(name: "SCP region deny spares the region", request: F.request(F.alice, "ssm:SendCommand", F.node, ["aws:RequestedRegion": [.string("us-east-1")]]), policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"), #""Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"]}}"#)]]), expected: .allowed),
        Case(name: "SCP exempting an admin role via ArnNotLike", request: F.request(F.session), policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"), #""Effect":"Deny","Action":"ssm:*","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/ops/*"}}"#)]]), expected: .allowed),
        Case(name: "SCP ArnNotLike catches users", request: send, policies: PolicySet(identity: [id(allow("*"))], serviceControl: [[scp(allow("*"), #""Effect":"Deny","Action":"ssm:*","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/ops/*"}}"#)]]), expected: .explicitDeny(.serviceControl)),
        Case(name: "resource policy with aws:PrincipalOrgID", request: F.request(PrincipalFacts(arn: F.bob.arn, accountId: F.other, kind: .user, username: "bob", orgId: "o-abc"), "s3:GetObject", bucket, account: F.account), policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(#""Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}"#)), expected: .allowed),
        Case(name: "resource policy with aws:PrincipalOrgID, no org", request: bobGet, policies: PolicySet(identity: [id(allow("s3:*"))], resource: resource(#""Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}"#)), expected: .implicitDeny(.resource)),
        Case(name: "per-user session resource", request: F.request(F.alice, "ssm:TerminateSession", "arn:aws:ssm:us-east-1:111122223333:session/alice-0123456789abcdef0"), policies: PolicySet(identity: [id(allow("ssm:TerminateSession", "arn:aws:ssm:*:*:session/${aws:username}-*"))]), expected: .allowed),
        Case(name: "tag-based node access", request: F.request(F.alice, "ssm:StartSession", F.node, ["ssm:resourceTag/team": [.string("ops")], "aws:PrincipalTag/team": [.string("ops")]]), policies: PolicySet(identity: [id(#""Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ssm:*:*:managed-instance/*","Condition":{"StringEquals":{"ssm:resourceTag/team":"${aws:PrincipalTag/team}"}}"#)]), expected: .allowed),
    ]

    @Test(arguments: cases)
    func evaluation(_ c: Case) {
        let decision = PolicyEvaluator.evaluate(c.request, policies: c.policies)
        #expect(decision.reason == c.expected)
        #expect(decision.isAllowed == (c.expected == .allowed))
    }

    @Test func matchedStatementsNameTheirPolicies() throws {
        let one = try Policy(json: F.document(#""Sid":"Ops","Effect":"Allow","Action":"ssm:*","Resource":"*""#, #""Effect":"Deny","Action":"s3:*","Resource":"*""#),
                             kind: .identity, name: "arn:aws:iam::111122223333:policy/Ops")
        let two = try Policy(json: F.document(#""Sid":"NoSend","Effect":"Deny","Action":"ssm:SendCommand","Resource":"*""#), kind: .identity, name: "inline:alice/x")
        let decision = PolicyEvaluator.evaluate(F.request(), policies: PolicySet(identity: [one, two]))
        #expect(decision.matched == [
            MatchedStatement(policyName: "arn:aws:iam::111122223333:policy/Ops", kind: .identity, statementIndex: 0, sid: "Ops", effect: .allow),
            MatchedStatement(policyName: "inline:alice/x", kind: .identity, statementIndex: 0, sid: "NoSend", effect: .deny),
        ])
    }
}
