import Testing
@testable import PortlessCore

@Suite("Policy actions, resources and variables")
struct PolicyMatchingTests {
    struct Case: CustomTestStringConvertible {
        let statement: String
        let action: String
        let resource: String
        let context: [String: [ConditionValue]]
        let expected: Bool
        init(_ statement: String, _ action: String, _ resource: String, _ expected: Bool) {
            self.init(statement, action, resource, [:], expected)
        }
        init(_ statement: String, _ action: String, _ resource: String, _ context: [String: [ConditionValue]], _ expected: Bool) {
            self.statement = statement
            self.action = action
            self.resource = resource
            self.context = context
            self.expected = expected
        }
        var testDescription: String { "\(statement) \(action) \(resource) → \(expected)" }
    }

    static let node = PolicyFixtures.node
    static let doc = PolicyFixtures.document
    static func allow(_ action: String, _ resource: String) -> String {
        #""Effect":"Allow","Action":\#(action),"Resource":\#(resource)"#
    }

    static let cases: [Case] = [
        // Actions: service prefix and name compare case-insensitively; wildcards anywhere.
        Case(allow(#""ssm:SendCommand""#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#""SSM:sendcommand""#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:SendCommand""#, #""*""#), "SSM:SENDCOMMAND", node, true),
        Case(allow(#""ssm:Send*""#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:*Command""#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:*Command""#, #""*""#), "ssm:ListCommands", node, false),
        Case(allow(#""ssm:Get*""#, #""*""#), "ssm:SendCommand", node, false),
        Case(allow(#""ssm:???Command""#, #""*""#), "ssm:GetCommand", node, true),
        Case(allow(#""ssm:???Command""#, #""*""#), "ssm:SendCommand", node, false),
        Case(allow(#""ssm:????Command""#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#""s*:SendCommand""#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#""*:SendCommand""#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#""*""#, #""*""#), "iam:CreateUser", "*", true),
        Case(allow(#""ssm:*""#, #""*""#), "ssmmessages:OpenDataChannel", node, false),
        Case(allow(#""ssm*:*""#, #""*""#), "ssmmessages:OpenDataChannel", node, true),
        Case(allow(#"["s3:GetObject","ssm:SendCommand"]"#, #""*""#), "ssm:SendCommand", node, true),
        Case(allow(#"["s3:GetObject","ssm:StartSession"]"#, #""*""#), "ssm:SendCommand", node, false),
        // Resources: case-sensitive; * crosses / and :; ? is one character.
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ssm:*:*:managed-instance/*""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ssm:us-east-1:111122223333:Managed-Instance/*""#), "ssm:SendCommand", node, false),
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ec2:*:*:instance/*""#), "ssm:SendCommand", node, false),
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ssm:*""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ssm:us-east-?:*:*""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ssm:eu-*:*:*""#), "ssm:SendCommand", node, false),
        Case(allow(#""ssm:SendCommand""#, #"["arn:aws:ssm:*:*:document/*","arn:aws:ssm:*:*:managed-instance/*"]"#), "ssm:SendCommand", doc, true),
        Case(allow(#""ssm:SendCommand""#, #""arn:aws:ssm:*:*:managed-instance/mi-0123456789abcdef?""#), "ssm:SendCommand", node, true),
        Case(allow(#""ssm:DescribeInstanceInformation""#, #""arn:aws:ssm:*:*:*""#), "ssm:DescribeInstanceInformation", "*", false),
        // NotAction / NotResource: Allow with NotAction grants everything else, in every service.
        Case(#""Effect":"Allow","NotAction":"iam:*","Resource":"*""#, "ssm:SendCommand", node, true),
        Case(#""Effect":"Allow","NotAction":"iam:*","Resource":"*""#, "iam:CreateUser", "*", false),
        Case(#""Effect":"Allow","NotAction":"iam:*","Resource":"*""#, "s3:GetObject", "arn:aws:s3:::b/k", true),
        Case(#""Effect":"Allow","NotAction":["ssm:Send*","ssm:StartSession"],"Resource":"*""#, "ssm:StartSession", node, false),
        Case(#""Effect":"Allow","Action":"ssm:*","NotResource":"arn:aws:ssm:*:*:document/*""#, "ssm:SendCommand", node, true),
        Case(#""Effect":"Allow","Action":"ssm:*","NotResource":"arn:aws:ssm:*:*:document/*""#, "ssm:SendCommand", doc, false),
        Case(#""Effect":"Allow","Action":"ssm:*","NotResource":"*""#, "ssm:SendCommand", node, false),
        // Variables in Resource; an unset variable matches nothing (nor its NotResource).
        Case(allow(#""ssm:StartSession""#, #""arn:aws:ssm:*:*:session/${aws:username}-*""#), "ssm:TerminateSession",
             "arn:aws:ssm:us-east-1:111122223333:session/alice-0123456789abcdef0", false),
        Case(allow(#""ssm:TerminateSession""#, #""arn:aws:ssm:*:*:session/${aws:username}-*""#), "ssm:TerminateSession",
             "arn:aws:ssm:us-east-1:111122223333:session/alice-0123456789abcdef0", true),
        Case(allow(#""ssm:TerminateSession""#, #""arn:aws:ssm:*:*:session/${aws:username}-*""#), "ssm:TerminateSession",
             "arn:aws:ssm:us-east-1:111122223333:session/bob-0123456789abcdef0", false),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::home/${aws:PrincipalTag/team}/*""#), "s3:GetObject", "arn:aws:s3:::home/ops/x",
             ["aws:PrincipalTag/team": [.string("ops")]], true),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::home/${aws:PrincipalTag/team}/*""#), "s3:GetObject", "arn:aws:s3:::home/ops/x", [:], false),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::home/${aws:PrincipalTag/team, 'shared'}/*""#), "s3:GetObject", "arn:aws:s3:::home/shared/x", [:], true),
        Case(#""Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::home/${aws:PrincipalTag/team}/*""#, "s3:GetObject", "arn:aws:s3:::other", [:], false),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${aws:username}""#), "s3:GetObject", "arn:aws:s3:::b/ALICE", false),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${aws:userid}/*""#), "s3:GetObject", "arn:aws:s3:::b/AIDAALICE/k", true),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${s3:prefix}""#), "s3:GetObject", "arn:aws:s3:::b/p*", ["s3:prefix": [.string("p*")]], true),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${s3:prefix}""#), "s3:GetObject", "arn:aws:s3:::b/px", ["s3:prefix": [.string("p*")]], false),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${*}""#), "s3:GetObject", "arn:aws:s3:::b/*", true),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${*}""#), "s3:GetObject", "arn:aws:s3:::b/k", false),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${?}""#), "s3:GetObject", "arn:aws:s3:::b/?", true),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${$}x""#), "s3:GetObject", "arn:aws:s3:::b/$x", true),
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/${ aws:username }""#), "s3:GetObject", "arn:aws:s3:::b/alice", true),
        // Unicode: ? is one character, not one byte.
        Case(allow(#""s3:GetObject""#, #""arn:aws:s3:::b/caf?""#), "s3:GetObject", "arn:aws:s3:::b/café", true),
    ]

    @Test(arguments: cases)
    func matching(_ c: Case) {
        let request = PolicyFixtures.request(PolicyFixtures.alice, c.action, c.resource, c.context)
        #expect(PolicyFixtures.allows(c.statement, request: request) == c.expected)
    }

    @Test func wildcardPatterns() {
        let table: [(String, String, Bool, Bool)] = [
            ("*", "", false, true), ("", "", false, true), ("", "a", false, false), ("a*", "a", false, true),
            ("*a", "ba", false, true), ("*a*b*", "xaxxbx", false, true), ("*a*b", "xaxxbx", false, false),
            ("a?c", "abc", false, true), ("a?c", "ac", false, false), ("A*", "abc", true, true), ("A*", "abc", false, false),
            ("**", "x", false, true), ("*?", "", false, false), ("a*a*a", "aaaa", false, true),
        ]
        for (pattern, text, ignoresCase, expected) in table {
            #expect(WildcardPattern(pattern, ignoresCase: ignoresCase).matches(text) == expected, "\(pattern) ~ \(text)")
        }
    }

    @Test func statementsAreIndexedByService() throws {
        let policy = PolicyFixtures.policy(.identity,
            #""Effect":"Allow","Action":"s3:GetObject","Resource":"*""#,
            #""Effect":"Allow","Action":["ssm:SendCommand","s3:PutObject"],"Resource":"*""#,
            #""Effect":"Deny","NotAction":"iam:*","Resource":"*""#,
            #""Effect":"Allow","Action":"*:List*","Resource":"*""#)
        #expect(policy.candidates(service: "s3") == [0, 1, 2, 3])
        #expect(policy.candidates(service: "ssm") == [1, 2, 3])
        #expect(policy.candidates(service: "kms") == [2, 3])
    }
}
