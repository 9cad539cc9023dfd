import Foundation
import PortlessCore
import Testing

// The pure pieces of STS/IAM: form parsing, XML escaping, policy URL-encoding, role ARNs, IAM input
// rules and session durations.

private func code(_ body: () throws -> Void) -> String? {
    do { try body() } catch let error as PortlessError { return error.code.rawValue } catch { return "other" }
    return nil
}

@Suite("Query protocol")
struct QueryProtocolTests {
    @Test func formBodyDecodesPlusPercentAndLists() throws {
        let p = try QueryParameters(formBody: "Action=AssumeRole&RoleSessionName=a+b%40c&Tags.member.1.Key=k%26&Tags.member.1.Value=&Tags.member.2.Key=x&Tags.member.2.Value=y&Tags.member.4.Key=gap&Tags.member.4.Value=z&Empty")
        #expect(p["Action"] == "AssumeRole")
        #expect(p["RoleSessionName"] == "a b@c")
        #expect(p["Empty"] == "")
        #expect(try p.tags("Tags") == [Tag(key: "k&", value: ""), Tag(key: "x", value: "y")])
        #expect(p.members("Missing").isEmpty)
    }

    @Test func badPercentEncodingAndHalfTagsAreValidationErrors() throws {
        #expect(code { _ = try QueryParameters(formBody: "Action=%ZZ") } == "ValidationError")
        let p = try QueryParameters(formBody: "Tags.member.1.Key=k")
        #expect(code { _ = try p.tags("Tags") } == "ValidationError")
        #expect(code { _ = try p.required("RoleArn") } == "ValidationError")
    }

    @Test func xmlEscapesTextAndAttributes() {
        let tag = XMLTag("R", attributes: ["xmlns": "a\"b"], children: [XMLTag("V", "<&>\"'\r\n\u{1}"), XMLTag("E")])
        #expect(tag.render() == "<R xmlns=\"a&quot;b\"><V>&lt;&amp;&gt;&quot;&apos;&#13;\n\u{FFFD}</V><E/></R>")
    }

    @Test func policyDocumentsAreURLEncodedLikeIAM() {
        #expect(PolicyDocumentEncoding.encode("{\"A\": \"b/c~_.-\"}") == "%7B%22A%22%3A%20%22b%2Fc~_.-%22%7D")
        #expect(PolicyDocumentEncoding.encode("é") == "%C3%A9")
        let doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}"
        #expect(PolicyDocumentEncoding.encode(doc).removingPercentEncoding == doc)
    }

    @Test func roleARNsAreTakenApart() throws {
        let plain = try RoleARN(parsing: "arn:aws:iam::123456789012:role/web")
        #expect(plain.accountId == "123456789012" && plain.path == "/" && plain.roleName == "web")
        let deep = try RoleARN(parsing: "arn:aws:iam::123456789012:role/a/b/web")
        #expect(deep.accountId == "123456789012" && deep.path == "/a/b/" && deep.roleName == "web")
        #expect(deep.string == "arn:aws:iam::123456789012:role/a/b/web")
    }

    @Test(arguments: ["arn:aws:iam::12345678901:role/web", "arn:aws:iam::123456789012:user/web", "arn:aws:s3:::bucket-name-long",
                      "arn:aws-cn:iam::123456789012:role/web", "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:role/a//web",
                      "arn:aws:iam:us-east-1:123456789012:role/web", "short", "arn:aws:iam::123456789012:role/bad name"])
    func badRoleARNsAreRefused(text: String) {
        #expect(code { _ = try RoleARN(parsing: text) } == "ValidationError")
    }

    @Test func iamNamesPathsAndSessionNames() {
        #expect(code { try IAMValidation.roleName("ok_+=,.@-Role1") } == nil)
        #expect(code { try IAMValidation.roleName("") } == "ValidationError")
        #expect(code { try IAMValidation.roleName(String(repeating: "r", count: 65)) } == "ValidationError")
        #expect(code { try IAMValidation.roleName("a/b") } == "ValidationError")
        #expect(code { try IAMValidation.path("/") } == nil)
        #expect(code { try IAMValidation.path("/a/b/") } == nil)
        #expect(code { try IAMValidation.path("/a") } == "ValidationError")
        #expect(code { try IAMValidation.path("/a b/") } == "ValidationError")
        #expect(code { try IAMValidation.sessionName("ab") } == nil)
        #expect(code { try IAMValidation.sessionName("a") } == "ValidationError")
        #expect(code { try IAMValidation.sessionName("a b") } == "ValidationError")
        #expect(code { try IAMValidation.sessionName(String(repeating: "s", count: 65)) } == "ValidationError")
    }

    @Test func trustPoliciesMustBeJSONPolicies() {
        #expect(code { try IAMValidation.policyDocument(#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
                                                        field: "P") } == nil)
        for bad in ["{", "[]", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\"}}", "{\"Version\":\"2012-10-17\"}", "{\"Statement\":[{}]}", "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                    "{\"Version\":\"1999-01-01\",\"Statement\":[{}]}", "{\"Version\":\"2012-10-17\",\"Statement\":[1]}"] {
            #expect(code { try IAMValidation.policyDocument(bad, field: "P") } == "MalformedPolicyDocument", "\(bad)")
        }
        #expect(code { try IAMValidation.policyDocument("", field: "P") } == "ValidationError")
    }

    @Test func tagsAreLimited() {
        #expect(code { try IAMValidation.tags((0..<50).map { Tag(key: "k\($0)", value: "v") }) } == nil)
        #expect(code { try IAMValidation.tags((0..<51).map { Tag(key: "k\($0)", value: "v") }) } == "ValidationError")
        #expect(code { try IAMValidation.tags([Tag(key: "a", value: ""), Tag(key: "A", value: "")]) } == "ValidationError")
        #expect(code { try IAMValidation.tags([Tag(key: "", value: "")]) } == "ValidationError")
    }

    @Test func sessionDurations() throws {
        let d = SessionDurations()
        #expect(try d.getSessionToken(nil) == 43_200)
        #expect(try d.getSessionToken("900") == 900)
        #expect(try d.getSessionToken("129600") == 129_600)
        #expect(code { _ = try d.getSessionToken("899") } == "ValidationError")
        #expect(code { _ = try d.getSessionToken("129601") } == "ValidationError")
        #expect(code { _ = try d.getSessionToken("1h") } == "ValidationError")
        #expect(try d.assumeRole(nil, roleMaximum: 3600, chained: false) == 3600)
        #expect(try d.assumeRole("7200", roleMaximum: 7200, chained: false) == 7200)
        #expect(code { _ = try d.assumeRole("7201", roleMaximum: 7200, chained: false) } == "ValidationError")
        #expect(code { _ = try d.assumeRole("7200", roleMaximum: 43200, chained: true) } == "ValidationError")
        #expect(code { _ = try d.assumeRole("43201", roleMaximum: 43200, chained: false) } == "ValidationError")
        #expect(try SessionDurations(minimum: 2).getSessionToken("2") == 2)
    }

    @Test func temporaryIdentifiers() {
        let key = Identifiers.temporaryAccessKeyID()
        #expect(key.count == 20 && key.hasPrefix("ASIA") && Identifiers.isTemporaryAccessKeyID(key))
        #expect(!Identifiers.isTemporaryAccessKeyID(Identifiers.accessKeyID()))
        let role = Identifiers.roleID()
        #expect(role.count == 21 && role.hasPrefix("AROA"))
        #expect(Identifiers.sessionToken() != Identifiers.sessionToken())
    }
}
