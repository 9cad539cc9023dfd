import Testing
@testable import PortlessCore

/// AWS's published examples and its denial wording.
@Suite("Policy examples and messages")
struct PolicyExampleTests {
    typealias F = PolicyFixtures

    /// AWS's "Allows MFA-authenticated IAM users to manage their own credentials" policy, reconstructed.
    static let manageOwnCredentialsWithMFA = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "AllowViewAccountInfo", "Effect": "Allow",
         "Action": ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"], "Resource": "*"},
        {"Sid": "AllowManageOwnPasswords", "Effect": "Allow",
         "Action": ["iam:ChangePassword", "iam:GetUser"], "Resource": "arn:aws:iam::*:user/${aws:username}"},
        {"Sid": "AllowManageOwnAccessKeys", "Effect": "Allow",
         "Action": ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey"],
         "Resource": "arn:aws:iam::*:user/${aws:username}"},
        {"Sid": "AllowManageOwnVirtualMFADevice", "Effect": "Allow",
         "Action": ["iam:CreateVirtualMFADevice"], "Resource": "arn:aws:iam::*:mfa/*"},
        {"Sid": "AllowManageOwnUserMFA", "Effect": "Allow",
         "Action": ["iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"],
         "Resource": "arn:aws:iam::*:user/${aws:username}"},
        {"Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny",
         "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ChangePassword",
                       "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"],
         "Resource": "*",
         "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}
      ]
    }
    """

    struct MFACase: CustomTestStringConvertible, Sendable {
        let action: String
        let resource: String
        let mfa: Bool?
        let expected: Decision.Reason
        var testDescription: String { "\(action) on \(resource), MFA \(String(describing: mfa))" }
    }

    static let own = "arn:aws:iam::111122223333:user/alice"
    static let others = "arn:aws:iam::111122223333:user/bob"
    static let mfaCases: [MFACase] = [
        MFACase(action: "ssm:SendCommand", resource: F.node, mfa: nil, expected: .explicitDeny(.identity)),
        MFACase(action: "ssm:SendCommand", resource: F.node, mfa: false, expected: .explicitDeny(.identity)),
        MFACase(action: "ssm:SendCommand", resource: F.node, mfa: true, expected: .allowed),
        MFACase(action: "iam:CreateAccessKey", resource: own, mfa: nil, expected: .explicitDeny(.identity)),
        MFACase(action: "iam:CreateAccessKey", resource: own, mfa: true, expected: .allowed),
        MFACase(action: "iam:CreateAccessKey", resource: others, mfa: true, expected: .implicitDeny(.identity)),
        MFACase(action: "iam:EnableMFADevice", resource: own, mfa: nil, expected: .allowed),
        MFACase(action: "iam:EnableMFADevice", resource: others, mfa: nil, expected: .implicitDeny(.identity)),
        MFACase(action: "iam:CreateVirtualMFADevice", resource: "arn:aws:iam::111122223333:mfa/alice", mfa: nil, expected: .allowed),
        MFACase(action: "iam:ChangePassword", resource: own, mfa: false, expected: .allowed),
        MFACase(action: "iam:ListVirtualMFADevices", resource: "*", mfa: nil, expected: .allowed),
        MFACase(action: "iam:GetAccountPasswordPolicy", resource: "*", mfa: nil, expected: .explicitDeny(.identity)),
        MFACase(action: "iam:GetAccountPasswordPolicy", resource: "*", mfa: true, expected: .allowed),
        MFACase(action: "sts:GetSessionToken", resource: "*", mfa: nil, expected: .allowed),
        MFACase(action: "iam:DeactivateMFADevice", resource: own, mfa: false, expected: .explicitDeny(.identity)),
        MFACase(action: "iam:DeactivateMFADevice", resource: own, mfa: true, expected: .allowed),
    ]

    @Test(arguments: mfaCases)
    func manageOwnCredentialsWithMFA(_ c: MFACase) throws {
        let mfaPolicy = try Policy(json: Self.manageOwnCredentialsWithMFA, kind: .identity, name: "Force_MFA")
        let work = F.policy(.identity, #""Effect":"Allow","Action":["ssm:*","iam:GetAccountPasswordPolicy","sts:GetSessionToken"],"Resource":"*""#)
        let context: [String: [ConditionValue]] = c.mfa.map { ["aws:MultiFactorAuthPresent": [.bool($0)]] } ?? [:]
        let decision = PolicyEvaluator.evaluate(F.request(F.alice, c.action, c.resource, context), policies: PolicySet(identity: [mfaPolicy, work]))
        #expect(decision.reason == c.expected)
    }

    struct MessageCase: Sendable {
        let reason: Decision.Reason
        let resource: String
        let message: String
    }

    static let alice = "arn:aws:iam::111122223333:user/alice"
    static let messages: [MessageCase] = [
        MessageCase(reason: .implicitDeny(.identity), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) because no identity-based policy allows the ssm:SendCommand action"),
        MessageCase(reason: .implicitDeny(.identity), resource: "*",
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand because no identity-based policy allows the ssm:SendCommand action"),
        MessageCase(reason: .explicitDeny(.serviceControl), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) with an explicit deny in a service control policy"),
        MessageCase(reason: .explicitDeny(.identity), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) with an explicit deny in an identity-based policy"),
        MessageCase(reason: .explicitDeny(.permissionsBoundary), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) with an explicit deny in a permissions boundary"),
        MessageCase(reason: .explicitDeny(.session), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) with an explicit deny in a session policy"),
        MessageCase(reason: .explicitDeny(.resource), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) with an explicit deny in a resource-based policy"),
        MessageCase(reason: .explicitDeny(.trust), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) with an explicit deny in a resource-based policy"),
        MessageCase(reason: .implicitDeny(.permissionsBoundary), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) because no permissions boundary allows the ssm:SendCommand action"),
        MessageCase(reason: .implicitDeny(.session), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) because no session policy allows the ssm:SendCommand action"),
        MessageCase(reason: .implicitDeny(.serviceControl), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) because no service control policy allows the ssm:SendCommand action"),
        MessageCase(reason: .implicitDeny(.resource), resource: F.node,
                    message: "User: \(alice) is not authorized to perform: ssm:SendCommand on resource: \(F.node) because no resource-based policy allows the ssm:SendCommand action"),
    ]

    @Test func messagesUseAWSWording() {
        for c in Self.messages {
            let decision = Decision(isAllowed: false, reason: c.reason, matched: [])
            #expect(decision.message(principalArn: Self.alice, action: "ssm:SendCommand", resource: c.resource) == c.message)
        }
    }

    @Test func evaluatedMessage() {
        let decision = PolicyEvaluator.evaluate(F.request(), policies: PolicySet(serviceControl: [[F.policy(.serviceControl, #""Effect":"Deny","Action":"ssm:*","Resource":"*""#)]]))
        #expect(decision.message(principalArn: F.alice.arn, action: "ssm:SendCommand", resource: F.node)
            == "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ssm:SendCommand on resource: \(F.node) with an explicit deny in a service control policy")
    }
}
