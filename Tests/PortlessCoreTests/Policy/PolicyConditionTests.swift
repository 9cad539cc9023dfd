import Foundation
import Testing
@testable import PortlessCore

@Suite("Policy conditions")
struct PolicyConditionTests {
    struct Case: CustomTestStringConvertible {
        let condition: String
        let context: [String: [ConditionValue]]
        let expected: Bool
        init(_ condition: String, _ context: [String: [ConditionValue]], _ expected: Bool) {
            self.condition = condition
            self.context = context
            self.expected = expected
        }
        var testDescription: String { "\(condition) with \(context) → \(expected)" }
    }

    static func s(_ values: String...) -> [ConditionValue] { values.map { .string($0) } }

    static let cases: [Case] = [
        // String operators: case-sensitive, values ORed, keys case-insensitive.
        Case(#"{"StringEquals":{"aws:PrincipalTag/team":"ops"}}"#, ["aws:PrincipalTag/team": s("ops")], true),
        Case(#"{"StringEquals":{"aws:PrincipalTag/team":"ops"}}"#, ["aws:principaltag/TEAM": s("ops")], true),
        Case(#"{"StringEquals":{"aws:PrincipalTag/team":"ops"}}"#, ["aws:PrincipalTag/team": s("Ops")], false),
        Case(#"{"StringEquals":{"aws:PrincipalTag/team":["dev","ops"]}}"#, ["aws:PrincipalTag/team": s("ops")], true),
        Case(#"{"StringEquals":{"aws:PrincipalTag/team":"ops"}}"#, [:], false),
        Case(#"{"StringNotEquals":{"aws:PrincipalTag/team":"ops"}}"#, ["aws:PrincipalTag/team": s("dev")], true),
        Case(#"{"StringNotEquals":{"aws:PrincipalTag/team":"ops"}}"#, ["aws:PrincipalTag/team": s("ops")], false),
        Case(#"{"StringNotEquals":{"aws:PrincipalTag/team":["ops","dev"]}}"#, ["aws:PrincipalTag/team": s("dev")], false),
        Case(#"{"StringNotEquals":{"aws:PrincipalTag/team":["ops","dev"]}}"#, ["aws:PrincipalTag/team": s("qa")], true),
        Case(#"{"StringNotEquals":{"aws:PrincipalTag/team":"ops"}}"#, [:], true),
        Case(#"{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"OPS"}}"#, ["aws:PrincipalTag/team": s("ops")], true),
        Case(#"{"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"OPS"}}"#, ["aws:PrincipalTag/team": s("Ops")], false),
        Case(#"{"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"OPS"}}"#, ["aws:PrincipalTag/team": s("dev")], true),
        Case(#"{"StringLike":{"s3:prefix":"home/*"}}"#, ["s3:prefix": s("home/alice/x")], true),
        Case(#"{"StringLike":{"s3:prefix":"home/?"}}"#, ["s3:prefix": s("home/a")], true),
        Case(#"{"StringLike":{"s3:prefix":"home/?"}}"#, ["s3:prefix": s("home/ab")], false),
        Case(#"{"StringLike":{"s3:prefix":"Home/*"}}"#, ["s3:prefix": s("home/a")], false),
        Case(#"{"StringLike":{"s3:prefix":"*"}}"#, ["s3:prefix": s("")], true),
        Case(#"{"StringNotLike":{"s3:prefix":"home/*"}}"#, ["s3:prefix": s("etc/passwd")], true),
        Case(#"{"StringNotLike":{"s3:prefix":"home/*"}}"#, ["s3:prefix": s("home/x")], false),
        Case(#"{"StringNotLike":{"s3:prefix":"home/*"}}"#, [:], true),
        // Numbers, including numbers written as JSON numbers and context strings.
        Case(#"{"NumericEquals":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(10)]], true),
        Case(#"{"NumericEquals":{"s3:max-keys":10}}"#, ["s3:max-keys": s("10")], true),
        Case(#"{"NumericNotEquals":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(11)]], true),
        Case(#"{"NumericNotEquals":{"s3:max-keys":"10"}}"#, [:], true),
        Case(#"{"NumericLessThan":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(9.5)]], true),
        Case(#"{"NumericLessThan":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(10)]], false),
        Case(#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(10)]], true),
        Case(#"{"NumericGreaterThan":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(10)]], false),
        Case(#"{"NumericGreaterThan":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(11)]], true),
        Case(#"{"NumericGreaterThanEquals":{"s3:max-keys":"10"}}"#, ["s3:max-keys": [.number(10)]], true),
        Case(#"{"NumericLessThan":{"s3:max-keys":"ten"}}"#, ["s3:max-keys": [.number(1)]], false),
        Case(#"{"NumericLessThan":{"s3:max-keys":"10"}}"#, ["s3:max-keys": s("many")], false),
        Case(#"{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}"#, [:], false),
        // Dates: ISO 8601 and epoch seconds on both sides.
        Case(#"{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#, ["aws:CurrentTime": [.date(Date(timeIntervalSince1970: 1_800_000_000))]], true),
        Case(#"{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#, ["aws:CurrentTime": [.date(Date(timeIntervalSince1970: 1_800_000_000))]], false),
        Case(#"{"DateLessThan":{"aws:CurrentTime":"2026-01-01"}}"#, ["aws:CurrentTime": s("2025-12-31T23:59:59Z")], true),
        Case(#"{"DateEquals":{"aws:CurrentTime":"1767225600"}}"#, ["aws:CurrentTime": s("2026-01-01T00:00:00Z")], true),
        Case(#"{"DateNotEquals":{"aws:CurrentTime":"1767225600"}}"#, ["aws:CurrentTime": s("2026-01-01T00:00:01Z")], true),
        Case(#"{"DateLessThanEquals":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#, ["aws:CurrentTime": [.number(1_767_225_600)]], true),
        Case(#"{"DateGreaterThanEquals":{"aws:CurrentTime":"2026-01-01T02:00:00+02:00"}}"#, ["aws:CurrentTime": [.number(1_767_225_600)]], true),
        Case(#"{"DateGreaterThan":{"aws:TokenIssueTime":"2026-01-01T00:00:00.500Z"}}"#, ["aws:TokenIssueTime": s("2026-01-01T00:00:01Z")], true),
        // Bool, Binary, Null.
        Case(#"{"Bool":{"aws:SecureTransport":"true"}}"#, ["aws:SecureTransport": [.bool(true)]], true),
        Case(#"{"Bool":{"aws:SecureTransport":true}}"#, ["aws:SecureTransport": s("TRUE")], true),
        Case(#"{"Bool":{"aws:SecureTransport":"false"}}"#, ["aws:SecureTransport": [.bool(true)]], false),
        Case(#"{"Bool":{"aws:SecureTransport":"false"}}"#, [:], false),
        Case(#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#, [:], true),
        Case(#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#, ["aws:MultiFactorAuthPresent": [.bool(true)]], false),
        Case(#"{"BinaryEquals":{"key":"QmluYXJ5VmFsdWU="}}"#, ["key": [.binary(Data("BinaryValue".utf8))]], true),
        Case(#"{"BinaryEquals":{"key":"QmluYXJ5VmFsdWU="}}"#, ["key": [.binary(Data("Other".utf8))]], false),
        Case(#"{"Null":{"aws:TokenIssueTime":"true"}}"#, [:], true),
        Case(#"{"Null":{"aws:TokenIssueTime":"true"}}"#, ["aws:TokenIssueTime": s("2026-01-01T00:00:00Z")], false),
        Case(#"{"Null":{"aws:TokenIssueTime":"false"}}"#, ["aws:TokenIssueTime": s("2026-01-01T00:00:00Z")], true),
        Case(#"{"Null":{"aws:TokenIssueTime":false}}"#, [:], false),
        Case(#"{"Null":{"aws:TagKeys":"true"}}"#, ["aws:TagKeys": []], true),
        // IP addresses and CIDR blocks, IPv4 and IPv6.
        Case(#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": [.ip("203.0.113.77")]], true),
        Case(#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": [.ip("203.0.114.1")]], false),
        Case(#"{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.5"]}}"#, ["aws:SourceIp": [.ip("203.0.113.5")]], true),
        Case(#"{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}"#, ["aws:SourceIp": [.ip("198.51.100.1")]], true),
        Case(#"{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}"#, ["aws:SourceIp": [.ip("2001:db8:1234::1")]], true),
        Case(#"{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}"#, ["aws:SourceIp": [.ip("2001:db9::1")]], false),
        Case(#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": [.ip("::ffff:203.0.113.9")]], true),
        Case(#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": [.ip("2001:db8::1")]], false),
        Case(#"{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": [.ip("198.51.100.1")]], true),
        Case(#"{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": [.ip("203.0.113.1")]], false),
        Case(#"{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, [:], true),
        Case(#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/33"}}"#, ["aws:SourceIp": [.ip("203.0.113.1")]], false),
        // ARN operators: each of the six parts separately.
        Case(#"{"ArnLike":{"aws:SourceArn":"arn:aws:ssm:*:111122223333:document/*"}}"#, ["aws:SourceArn": s(PolicyFixtures.document)], true),
        Case(#"{"ArnLike":{"aws:SourceArn":"arn:aws:ssm:*:*:document/*"}}"#, ["aws:SourceArn": s(PolicyFixtures.node)], false),
        Case(#"{"ArnLike":{"aws:SourceArn":"arn:aws:*"}}"#, ["aws:SourceArn": s(PolicyFixtures.node)], false),
        Case(#"{"ArnLike":{"aws:SourceArn":"arn:aws:*:*:*:*"}}"#, ["aws:SourceArn": s(PolicyFixtures.node)], true),
        Case(#"{"ArnLike":{"aws:SourceArn":"arn:aws:ssm:us-*-1:*:managed-instance/mi-*"}}"#, ["aws:SourceArn": s(PolicyFixtures.node)], true),
        Case(#"{"ArnEquals":{"aws:SourceArn":"arn:aws:ssm:us-east-1:111122223333:document/*"}}"#, ["aws:SourceArn": s(PolicyFixtures.document)], true),
        Case(#"{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}"#, ["aws:PrincipalArn": s("arn:aws:iam::111122223333:user/Alice")], false),
        Case(#"{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}"#, ["aws:PrincipalArn": s("arn:aws:iam::111122223333:user/bob")], true),
        Case(#"{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin-*"}}"#, ["aws:PrincipalArn": s("arn:aws:iam::111122223333:role/admin-x")], false),
        Case(#"{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin-*"}}"#, [:], true),
        Case(#"{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::bucket/*"}}"#, ["aws:SourceArn": s("not-an-arn")], false),
        // IfExists on every family.
        Case(#"{"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}}"#, [:], true),
        Case(#"{"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}}"#, ["ec2:InstanceType": s("m5.large")], false),
        Case(#"{"StringLikeIfExists":{"ec2:InstanceType":"t3.*"}}"#, ["ec2:InstanceType": s("t3.nano")], true),
        Case(#"{"NumericLessThanIfExists":{"s3:max-keys":"5"}}"#, [:], true),
        Case(#"{"DateLessThanIfExists":{"aws:CurrentTime":"2000-01-01"}}"#, [:], true),
        Case(#"{"IpAddressIfExists":{"aws:SourceIp":"10.0.0.0/8"}}"#, [:], true),
        Case(#"{"ArnLikeIfExists":{"aws:SourceArn":"arn:aws:s3:::x"}}"#, [:], true),
        Case(#"{"StringNotEqualsIfExists":{"aws:RequestedRegion":"us-east-1"}}"#, ["aws:RequestedRegion": s("us-east-1")], false),
        // Set qualifiers on multivalued keys, with AWS's empty/missing semantics.
        Case(#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": s("env")], true),
        Case(#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": s("env", "team")], true),
        Case(#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": s("env", "cost")], false),
        Case(#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#, [:], true),
        Case(#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": []], true),
        Case(#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": s("cost", "team")], true),
        Case(#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": s("cost")], false),
        Case(#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}"#, [:], false),
        Case(#"{"ForAnyValue:StringLike":{"aws:TagKeys":"env*"}}"#, ["aws:TagKeys": s("cost", "environment")], true),
        Case(#"{"ForAllValues:StringLike":{"aws:TagKeys":"env*"}}"#, ["aws:TagKeys": s("cost", "environment")], false),
        Case(#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":"env"}}"#, ["aws:TagKeys": s("env", "team")], true),
        Case(#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":"env"}}"#, ["aws:TagKeys": s("env")], false),
        Case(#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":"env"}}"#, [:], false),
        Case(#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": s("cost", "owner")], true),
        Case(#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["env","team"]}}"#, ["aws:TagKeys": s("cost", "env")], false),
        Case(#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":"env"}}"#, [:], true),
        Case(#"{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"env"}}"#, [:], true),
        Case(#"{"ForAllValues:NumericLessThan":{"k":"10"}}"#, ["k": [.number(1), .number(9)]], true),
        Case(#"{"ForAnyValue:IpAddress":{"k":"10.0.0.0/8"}}"#, ["k": [.ip("192.0.2.1"), .ip("10.1.1.1")]], true),
        Case(#"{"foranyvalue:stringequals":{"aws:TagKeys":"env"}}"#, ["aws:TagKeys": s("env")], true),
        // Several keys ANDed, several operators ANDed.
        Case(#"{"StringEquals":{"a":"1","b":"2"}}"#, ["a": s("1"), "b": s("2")], true),
        Case(#"{"StringEquals":{"a":"1","b":"2"}}"#, ["a": s("1"), "b": s("3")], false),
        Case(#"{"StringEquals":{"a":"1"},"Bool":{"aws:SecureTransport":"true"}}"#, ["a": s("1"), "aws:SecureTransport": [.bool(true)]], true),
        Case(#"{"StringEquals":{"a":"1"},"Bool":{"aws:SecureTransport":"true"}}"#, ["a": s("1")], false),
        // Typed context values seen by string operators.
        Case(#"{"StringEquals":{"k":"true"}}"#, ["k": [.bool(true)]], true),
        Case(#"{"StringEquals":{"k":"42"}}"#, ["k": [.number(42)]], true),
        Case(#"{"StringEquals":{"k":"10.0.0.1"}}"#, ["k": [.ip("10.0.0.1")]], true),
        // Policy variables in condition values.
        Case(#"{"StringEquals":{"ssm:resourceTag/owner":"${aws:username}"}}"#, ["ssm:resourceTag/owner": s("alice")], true),
        Case(#"{"StringEquals":{"ssm:resourceTag/owner":"${aws:username}"}}"#, ["ssm:resourceTag/owner": s("bob")], false),
        Case(#"{"StringEquals":{"ssm:resourceTag/team":"${aws:PrincipalTag/team}"}}"#, ["ssm:resourceTag/team": s("ops"), "aws:PrincipalTag/team": s("ops")], true),
        Case(#"{"StringEquals":{"ssm:resourceTag/team":"${aws:PrincipalTag/team}"}}"#, ["ssm:resourceTag/team": s("ops")], false),
        Case(#"{"StringNotEquals":{"ssm:resourceTag/team":"${aws:PrincipalTag/team}"}}"#, ["ssm:resourceTag/team": s("ops")], false),
        Case(#"{"StringEquals":{"ssm:resourceTag/team":"${aws:PrincipalTag/team, 'none'}"}}"#, ["ssm:resourceTag/team": s("none")], true),
        Case(#"{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}"#, ["s3:prefix": s("home/alice/notes")], true),
        Case(#"{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}"#, ["s3:prefix": s("home/bob/notes")], false),
        Case(#"{"StringEquals":{"k":"a${*}b"}}"#, ["k": s("a*b")], true),
        Case(#"{"StringLike":{"k":"a${*}b"}}"#, ["k": s("axb")], false),
        Case(#"{"StringLike":{"k":"a${*}b"}}"#, ["k": s("a*b")], true),
        Case(#"{"StringLike":{"k":"a${?}"}}"#, ["k": s("a?")], true),
        Case(#"{"StringLike":{"k":"a${?}"}}"#, ["k": s("ab")], false),
        Case(#"{"StringEquals":{"k":"${$}{x}"}}"#, ["k": s("${x}")], true),
        Case(#"{"StringEquals":{"aws:username":"alice"}}"#, [:], true),
        Case(#"{"StringEquals":{"aws:PrincipalType":"User"}}"#, [:], true),
        Case(#"{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}"#, [:], true),
        Case(#"{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}"#, [:], true),
        Case(#"{"StringEquals":{"aws:username":"mallory"}}"#, ["aws:username": s("mallory")], true),
        Case(#"{"StringEquals":{"aws:userid":"AIDAALICE"}}"#, [:], true),
        Case(#"{"Null":{"aws:PrincipalOrgID":"true"}}"#, [:], true),
    ]

    @Test(arguments: cases)
    func condition(_ c: Case) {
        let statement = #""Effect":"Allow","Action":"*","Resource":"*","Condition":\#(c.condition)"#
        #expect(PolicyFixtures.allows(statement, request: PolicyFixtures.request(c.context)) == c.expected)
    }

    @Test func deniesUnderAConditionOnlyWhenItHolds() {
        let deny = #""Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#
        #expect(!PolicyFixtures.allows(PolicyFixtures.allowAll, deny))
        #expect(PolicyFixtures.allows(PolicyFixtures.allowAll, deny, request: PolicyFixtures.request(["aws:MultiFactorAuthPresent": [.bool(true)]])))
    }

    @Test func variablesAre2012Only() {
        let statement = #""Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":"${aws:username}"}}"#
        let old = PolicyFixtures.policy(.identity, statement, version: "2008-10-17")
        let literal = PolicyFixtures.request(["k": [.string("${aws:username}")]])
        #expect(PolicyEvaluator.evaluate(literal, policies: PolicySet(identity: [old])).isAllowed)
        #expect(!PolicyEvaluator.evaluate(PolicyFixtures.request(["k": [.string("alice")]]), policies: PolicySet(identity: [old])).isAllowed)
    }
}
