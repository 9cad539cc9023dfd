import Foundation
import HTTPTypes
import NIOCore
import HummingbirdTesting
import PortlessClient
import PortlessCore
import Testing

/// The authorizer in front of the router: a new IAM user may do nothing until a policy allows it, and a denial
/// says who was denied what and which kind of policy decided.
@Suite("Authorization through buildApplication")
struct AuthorizationTests {
    /// Creates `alice` with an access key; returns her credentials.
    static func makeAlice(_ client: SignedClient) async throws -> AWSCredentials {
        #expect(try await client.query("iam", "CreateUser", [("UserName", "alice")]).status == .ok)
        let key = String(buffer: try await client.query("iam", "CreateAccessKey", [("UserName", "alice")]).body)
        let reply = XMLReply(key)
        return AWSCredentials(accessKeyId: try #require(reply.first("AccessKeyId")), secretAccessKey: try #require(reply.first("SecretAccessKey")))
    }

    @Test("a user without policies is denied with AWS's explanation; an attached policy allows")
    func userNeedsAnAllow() async throws {
        try await TestPortless.withClient { client in
            let alice = try await Self.makeAlice(client)
            let denied = try await client.ssm("DescribeInstanceInformation", "{}", signing: .init(credentials: alice))
            #expect(denied.status == .badRequest)
            let body = String(buffer: denied.body)
            #expect(body.contains("\"__type\":\"AccessDeniedException\""))
            #expect(body.contains("User: arn:aws:iam::\(client.accountId):user/alice is not authorized to perform: ssm:DescribeInstanceInformation because no identity-based policy allows the ssm:DescribeInstanceInformation action"))
            #expect(try await client.query("iam", "AttachUserPolicy", [("UserName", "alice"),
                                                                        ("PolicyArn", "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess")]).status == .ok)
            #expect(try await client.ssm("DescribeInstanceInformation", "{}", signing: .init(credentials: alice)).status == .ok)
            // Read-only: writing is still denied.
            let write = try await client.ssm("CreateDocument", #"{"Name":"x","Content":"{}"}"#, signing: .init(credentials: alice))
            #expect(String(buffer: write.body).contains("ssm:CreateDocument"))
        }
    }

    @Test("an explicit deny wins over an allow, in the Query protocol's words")
    func explicitDenyWins() async throws {
        try await TestPortless.withClient { client in
            let alice = try await Self.makeAlice(client)
            _ = try await client.query("iam", "AttachUserPolicy", [("UserName", "alice"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")])
            let deny = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:List*","Resource":"*"}]}"#
            _ = try await client.query("iam", "PutUserPolicy", [("UserName", "alice"), ("PolicyName", "no-lists"), ("PolicyDocument", deny)])
            let listed = try await client.query("iam", "ListUsers", signing: .init(credentials: alice))
            #expect(listed.status == .forbidden)
            let body = String(buffer: listed.body)
            #expect(body.contains("<Code>AccessDenied</Code>"))
            #expect(body.contains("with an explicit deny in an identity-based policy"))
            #expect(try await client.query("iam", "GetUser", signing: .init(credentials: alice)).status == .ok)
        }
    }

    @Test("an operation of a service the server does not have is unknown, not silently allowed")
    func unknownOperation() async throws {
        try await TestPortless.withClient { client in
            let reply = try await client.ssm("CreateOpsItem", #"{"Title":"x","Source":"y","Description":"z"}"#)
            #expect(String(buffer: reply.body).contains("UnknownOperationException"))
        }
    }
}
