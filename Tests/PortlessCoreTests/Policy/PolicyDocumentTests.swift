import Foundation
import Testing
@testable import PortlessCore

@Suite("Policy documents at write time")
struct PolicyDocumentTests {
    typealias F = PolicyFixtures

    struct Bad: CustomTestStringConvertible, Sendable {
        let json: String
        let kind: PolicyKind
        let message: String
        let code: String
        init(_ json: String, _ kind: PolicyKind = .identity, _ message: String, _ code: String) {
            self.json = json
            self.kind = kind
            self.message = message
            self.code = code
        }
        var testDescription: String { "\(json) as \(kind)" }
    }

    static let syntax = "Syntax errors in policy."
    static let ok = #""Effect":"Allow","Action":"ssm:*","Resource":"*""#

    static let bad: [Bad] = [
        Bad("{", .identity, syntax, "SYNTAX_ERROR"),
        Bad("[]", .identity, syntax, "SYNTAX_ERROR"),
        Bad(#""text""#, .identity, syntax, "SYNTAX_ERROR"),
        Bad(#"{"Version":"2012-10-17"}"#, .identity, syntax, "SYNTAX_ERROR"),
        Bad(#"{"Version":"2012-10-17","Statement":[]}"#, .identity, syntax, "SYNTAX_ERROR"),
        Bad(#"{"Version":"2012-10-17","Statement":[1]}"#, .identity, syntax, "SYNTAX_ERROR"),
        Bad(#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"},"Extra":1}"#, .identity, syntax, "SYNTAX_ERROR"),
        Bad(#"{"Version":"2012-10-17","Id":5,"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#, .identity, syntax, "SYNTAX_ERROR"),
        Bad(#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#, .identity, "Policy document must be version 2012-10-17 or greater.", "INVALID_VERSION"),
        Bad(#"{"Version":"1999-01-01","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#, .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Colour":"red""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Action":"s3:*","Resource":"*""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"allow","Action":"s3:*","Resource":"*""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Permit","Action":"s3:*","Resource":"*""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","NotAction":"s3:Get*","Resource":"*""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"*""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":{"a":1},"Resource":"*""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":[1]"#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Sid":7,"Effect":"Allow","Action":"s3:*","Resource":"*""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":"x""#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":"x"}"#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"k":{"a":1}}}"#), .identity, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}"#), .identity, syntax, "UNKNOWN_CONDITION_OPERATOR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForSomeValues:StringEquals":{"k":"v"}}"#), .identity, syntax, "UNKNOWN_CONDITION_OPERATOR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}"#), .identity, syntax, "UNKNOWN_CONDITION_OPERATOR"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"tomorrow"}}"#), .identity, "The policy failed legacy parsing", "INVALID_CONDITION_VALUE"),
        Bad(F.document(#""Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*""#, #""Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*""#), .identity,
            "Statement IDs (SID) in a single policy must be unique.", "DUPLICATE_SID"),
        Bad(F.document(#""Effect":"Allow","Resource":"*""#), .identity, "Policy statement must contain actions.", "MISSING_ACTION"),
        Bad(F.document(#""Effect":"Allow","Action":[],"Resource":"*""#), .identity, "Policy statement must contain actions.", "MISSING_ACTION"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*""#), .identity, "Policy statement must contain resources.", "MISSING_RESOURCE"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":[]"#), .permissionsBoundary, "Policy statement must contain resources.", "MISSING_RESOURCE"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"bucket""#), .identity, #"Resource bucket must be in ARN format or "*"."#, "INVALID_ARN_RESOURCE"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"arn:aws""#), .identity, #"Resource arn:aws must be in ARN format or "*"."#, "INVALID_ARN_RESOURCE"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"arn:aws:*:*:*:*""#), .identity, "Resource vendor must be fully qualified and cannot contain regexes.", "INVALID_ARN_RESOURCE"),
        Bad(F.document(#""Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*""#), .identity, "Policy document should not specify a principal.", "UNSUPPORTED_ELEMENT"),
        Bad(F.document(#""Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*""#), .session, "Policy document should not specify a principal.", "UNSUPPORTED_ELEMENT"),
        Bad(F.document(#""Effect":"Allow","Action":"sts:AssumeRole""#), .trust, "Missing required field Principal", "MISSING_PRINCIPAL"),
        Bad(F.document(#""Effect":"Allow","Action":"s3:*","Resource":"*""#), .resource, "Missing required field Principal", "MISSING_PRINCIPAL"),
        Bad(F.document(#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole","Resource":"*""#), .trust, "Has prohibited field Resource.", "UNSUPPORTED_ELEMENT"),
        Bad(F.document(#""Effect":"Allow","Principal":{"AWS":"alice"},"Action":"sts:AssumeRole""#), .trust, #"Invalid principal in policy: "AWS":"alice""#, "INVALID_PRINCIPAL"),
        Bad(F.document(#""Effect":"Allow","Principal":{"Robot":"x"},"Action":"sts:AssumeRole""#), .trust, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Principal":"alice","Action":"sts:AssumeRole""#), .trust, syntax, "SYNTAX_ERROR"),
        Bad(F.document(#""Effect":"Allow","Action":"SendCommand","Resource":"*""#), .identity, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.", "INVALID_ACTION"),
        Bad(F.document(#""Effect":"Allow","Action":"ssm:Send:Command","Resource":"*""#), .identity, "Actions/Condition can contain only one colon.", "INVALID_ACTION"),
        Bad(F.document(#""Effect":"Allow","Action":"s s:Get","Resource":"*""#), .identity, "Vendor s s is not valid", "INVALID_ACTION"),
    ]

    @Test(arguments: bad)
    func refused(_ b: Bad) {
        #expect(throws: PortlessError(aws: .malformedPolicyDocument, b.message)) { try Policy(json: b.json, kind: b.kind) }
        let findings = PolicyValidator.findings(json: b.json, kind: b.kind)
        #expect(findings.map(\.code) == [b.code])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message == b.message)
    }

    static let good: [(String, PolicyKind)] = [
        (F.document(ok), .identity),
        (#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ssm:*","Resource":"*"}}"#, .identity),
        (#"{"Version":"2008-10-17","Id":"x","Statement":{"Sid":"","Effect":"Deny","NotAction":"iam:*","NotResource":["arn:aws:iam::*:user/*"]}}"#, .identity),
        (F.document(#""Effect":"Allow","Action":"*","Resource":"*""#, #""Effect":"Deny","Action":"*","Resource":"*""#), .serviceControl),
        (F.document(#""Effect":"Deny","Action":"ssm:*""#), .serviceControl),
        (F.document(#""Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:role/x","*"],"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole""#), .trust),
        (F.document(#""Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"accounts.google.com:aud":"x"}}"#), .trust),
        (F.document(#""Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}"#), .resource),
        (F.document(#""Sid":"A","Effect":"Allow","Action":["s3:*"],"Resource":"arn:aws:s3:::*""#, #""Sid":"B","Effect":"Allow","Action":"ssm:*","Resource":"arn:aws:ssm:*""#), .identity),
        (F.document(#""Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":["2026-01-01","2026-01-01T10:00:00Z","1767225600"]}}"#), .identity),
        (F.document(#""Effect":"Allow","Action":"*","Resource":"*","Condition":{}"#), .identity),
    ]

    @Test func accepted() throws {
        for (json, kind) in Self.good {
            #expect(throws: Never.self, "\(json)") { try Policy(json: json, kind: kind) }
            #expect(PolicyValidator.findings(json: json, kind: kind).allSatisfy { $0.severity != .error }, "\(json)")
        }
    }

    @Test func statementShapes() throws {
        let policy = try Policy(json: #"{"Version":"2012-10-17","Statement":{"Sid":"One","Effect":"Deny","Action":"ssm:*","Resource":"*"}}"#, kind: .identity, name: "n")
        #expect(policy.statements.count == 1)
        #expect(policy.statements[0].sid == "One")
        #expect(policy.statements[0].effect == .deny)
        #expect(policy.kind == .identity)
        #expect(policy.name == "n")
    }

    @Test func sizeLimitsIgnoreWhiteSpace() throws {
        func document(filling size: Int) -> String {
            let base = F.document(#""Sid":"","Effect":"Allow","Action":"s3:*","Resource":"*""#)
            let pad = size - PolicySizeLimit.size(of: base)
            return F.document(#""Sid":"\#(String(repeating: "a", count: pad))","Effect":"Allow","Action":"s3:*","Resource":"*""#)
        }
        let limits: [(PolicySizeLimit, String)] = [
            (.managed, "Cannot exceed quota for PolicySize: 6144"),
            (.trust, "Cannot exceed quota for ACLSizePerRole: 2048"),
            (.userInline(userName: "alice"), "Maximum policy size of 2048 bytes exceeded for user alice"),
            (.roleInline(roleName: "r"), "Maximum policy size of 10240 bytes exceeded for role r"),
            (.groupInline(groupName: "g"), "Maximum policy size of 5120 bytes exceeded for group g"),
        ]
        for (limit, message) in limits {
            let kind: PolicyKind = limit == .trust ? .identity : .identity
            let fits = document(filling: limit.characters)
            #expect(PolicySizeLimit.size(of: fits) == limit.characters)
            #expect(throws: Never.self) { try Policy(json: fits.replacingOccurrences(of: ",", with: ",\n    "), kind: kind, sizeLimit: limit) }
            #expect(throws: PortlessError(aws: .limitExceeded, message)) { try Policy(json: document(filling: limit.characters + 1), kind: kind, sizeLimit: limit) }
        }
        #expect(PolicySizeLimit.serviceControl.characters == 5120)
    }

    @Test func errorsNameTheField() {
        #expect(throws: PortlessError(aws: .malformedPolicyDocument, "Syntax errors in policy.", field: "PolicyDocument")) {
            try Policy(json: "{", kind: .identity, field: "PolicyDocument")
        }
    }
}
