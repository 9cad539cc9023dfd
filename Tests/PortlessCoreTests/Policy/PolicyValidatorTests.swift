import Testing
@testable import PortlessCore

@Suite("Policy validator findings")
struct PolicyValidatorTests {
    typealias F = PolicyFixtures

    @Test func ec2InstancesNeverMatchPortlessNodes() throws {
        let json = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Action": ["ssm:SendCommand", "ssm:StartSession"],
            "Resource": ["arn:aws:ec2:*:*:instance/*", "arn:aws:ssm:*:*:managed-instance/*"]
          }]
        }
        """
        let findings = PolicyValidator.findings(json: json, kind: .identity)
        #expect(findings.map(\.code) == ["RESOURCE_NEVER_MATCHES"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.line == 6)
        #expect(findings.first?.column == 18)
        #expect(findings.first?.message.contains("managed-instance/mi-") == true)
        // A warning does not refuse the document.
        #expect(throws: Never.self) { try Policy(json: json, kind: .identity) }
    }

    @Test func warnings() {
        let table: [(String, [String])] = [
            (F.document(#""Effect":"Allow","Action":"ssm:*","Resource":"*""#), []),
            (F.document(#""Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:ssm:*:*:document/*""#), ["RESOURCE_NEVER_MATCHES"]),
            (F.document(#""Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/x""#), []),
            (F.document(#""Effect":"Allow","Action":"ec2:RunInstances","Resource":"arn:aws:ec2:*:*:instance/*""#), []),
            (F.document(#""Effect":"Allow","Action":"ssm:*","Resource":"arn:aws:ssm:*:*:document/${aws:username}""#), []),
            (F.document(#""Effect":"Deny","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*""#), ["RESOURCE_NEVER_MATCHES"]),
            (F.document(#""Effect":"Allow","NotAction":"iam:*","Resource":"*""#), ["ALLOW_WITH_NOT_ACTION"]),
            (F.document(#""Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*""#), ["ALLOW_WITH_NOT_RESOURCE"]),
            (F.document(#""Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:s3:::x""#), []),
            (F.document(#""Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::${aws:username}/*""#, version: "2008-10-17"), ["POLICY_VARIABLES_NEED_2012_10_17"]),
        ]
        for (json, codes) in table {
            #expect(PolicyValidator.findings(json: json, kind: .identity).map(\.code) == codes, "\(json)")
        }
    }

    @Test func syntaxErrorsHaveAPosition() {
        let findings = PolicyValidator.findings(json: "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [,]\n}", kind: .identity)
        #expect(findings.count == 1)
        #expect(findings.first?.line == 3)
        #expect(findings.first?.column == 17)
    }
}
