import Foundation
@testable import PortlessCore

/// Principals, documents and one-line evaluation helpers shared by the policy suites.
enum PolicyFixtures {
    static let account = "111122223333"
    static let other = "444455556666"
    static let alice = PrincipalFacts(arn: "arn:aws:iam::111122223333:user/alice", accountId: account, kind: .user,
                                      userId: "AIDAALICE", username: "alice")
    static let bob = PrincipalFacts(arn: "arn:aws:iam::444455556666:user/bob", accountId: other, kind: .user,
                                    userId: "AIDABOB", username: "bob")
    static let roleArn = "arn:aws:iam::111122223333:role/ops/Deployer"
    static let session = PrincipalFacts(arn: "arn:aws:sts::111122223333:assumed-role/Deployer/s1", accountId: account,
                                        kind: .assumedRole(roleArn: roleArn), userId: "AROADEPLOYER:s1")
    static let root = PrincipalFacts(arn: "arn:aws:iam::111122223333:root", accountId: account, kind: .root, userId: account)
    static let otherRoot = PrincipalFacts(arn: "arn:aws:iam::444455556666:root", accountId: other, kind: .root, userId: other)
    static let ssmService = PrincipalFacts(arn: "ssm.amazonaws.com", accountId: "", kind: .service("ssm.amazonaws.com"))
    static let anonymous = PrincipalFacts(arn: "*", accountId: "", kind: .anonymous)

    static let node = "arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0"
    static let document = "arn:aws:ssm:us-east-1:111122223333:document/AWS-RunShellScript"

    /// A policy document with these statements (JSON objects without braces are wrapped).
    static func document(_ statements: String..., version: String = "2012-10-17") -> String {
        let body = statements.map { $0.hasPrefix("{") ? $0 : "{\($0)}" }.joined(separator: ",")
        return #"{"Version":"\#(version)","Statement":[\#(body)]}"#
    }

    static func policy(_ kind: PolicyKind, _ statements: String..., name: String = "p", version: String = "2012-10-17") -> Policy {
        let body = statements.map { $0.hasPrefix("{") ? $0 : "{\($0)}" }.joined(separator: ",")
        let json = #"{"Version":"\#(version)","Statement":[\#(body)]}"#
        do {
            return try Policy(json: json, kind: kind, name: name)
        } catch {
            fatalError("fixture policy refused: \(error) in \(json)")
        }
    }

    static let allowAll = #""Effect":"Allow","Action":"*","Resource":"*""#

    static func request(_ principal: PrincipalFacts = alice, _ action: String = "ssm:SendCommand", _ resource: String = node,
                        account: String? = nil, _ context: [String: [ConditionValue]] = [:]) -> AuthorizationRequest {
        AuthorizationRequest(principal: principal, action: action, resource: resource, resourceAccount: account,
                             context: AuthorizationContext(context))
    }

    static func request(_ context: [String: [ConditionValue]]) -> AuthorizationRequest {
        request(alice, "ssm:SendCommand", node, context)
    }

    /// Whether one identity policy with these statements allows the request.
    static func allows(_ statements: String..., request: AuthorizationRequest = request()) -> Bool {
        let body = statements.map { $0.hasPrefix("{") ? $0 : "{\($0)}" }.joined(separator: ",")
        let policy = try! Policy(json: #"{"Version":"2012-10-17","Statement":[\#(body)]}"#, kind: .identity)
        return PolicyEvaluator.evaluate(request, policies: PolicySet(identity: [policy])).isAllowed
    }
}
