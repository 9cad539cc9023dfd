import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessClient
import PortlessCore
@testable import PortlessServer
import Synchronization
import Testing

/// The audit trail through `buildApplication`: every call — allowed, denied, unauthenticated, S3, presigned — is a
/// CloudTrail-shaped record written before the reply, secrets never recorded, and `LookupEvents` reads them back.
@Suite("Audit trail through buildApplication")
struct AuditTrailTests {
    /// The data directory of the server under test, for reading its audit log.
    final class Directory: Sendable {
        let url = Mutex<URL?>(nil)
        var audit: AuditDirectory { AuditDirectory(dataDirectory: url.withLock { $0! }) }

        /// The records in the log, oldest first.
        func records() throws -> [AuditRecord] {
            try audit.lines().map { try AuditRecord.decode(try #require($0.entry).record) }
        }

        /// The whole log as text.
        func text() throws -> String {
            try audit.recordFiles().map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        }
    }

    static func withAudit(_ body: @Sendable (SignedClient, Directory) async throws -> Void) async throws {
        let directory = Directory()
        try await TestPortless.withClient(prepare: { url, _ in directory.url.withLock { $0 = url } }) { client in
            try await body(client, directory)
        }
    }

    @Test("allowed, denied and unauthenticated calls each become a record in CloudTrail's shape, before the reply")
    func recordsEveryCall() async throws {
        try await Self.withAudit { client, directory in
            let alice = try await AuthorizationTests.makeAlice(client)
            let allowed = try await client.ssm("DescribeInstanceInformation", "{}")
            #expect(allowed.status == .ok)
            let denied = try await client.ssm("DescribeInstanceInformation", "{}", signing: .init(credentials: alice))
            #expect(denied.status == .badRequest)
            let forged = AWSCredentials(accessKeyId: alice.accessKeyId, secretAccessKey: "wrong-secret")
            #expect(try await client.ssm("ListDocuments", "{}", signing: .init(credentials: forged)).status == .badRequest)
            let unknown = AWSCredentials(accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x")
            #expect(try await client.query("sts", "GetCallerIdentity", signing: .init(credentials: unknown)).status == .forbidden)

            let records = try directory.records()
            #expect(records.map(\.eventName) == ["CreateUser", "CreateAccessKey", "DescribeInstanceInformation", "DescribeInstanceInformation",
                                                 "ListDocuments", "GetCallerIdentity"])
            let root = records[2]
            #expect(root.eventVersion == "1.08" && root.eventType == "AwsApiCall" && root.eventSource == "ssm.amazonaws.com")
            #expect(root.userIdentity.type == "Root" && root.userIdentity.arn == "arn:aws:iam::\(client.accountId):root")
            #expect(root.recipientAccountId == client.accountId && root.readOnly && root.errorCode == nil && root.awsRegion == "us-east-1")
            #expect(root.requestID == allowed.headers[HTTPField.Name("x-amzn-RequestId")!])
            let refused = records[3]
            #expect(refused.userIdentity.type == "IAMUser" && refused.userIdentity.userName == "alice")
            #expect(refused.errorCode == "AccessDeniedException" && refused.errorMessage?.contains("ssm:DescribeInstanceInformation") == true)
            let badSignature = records[4]
            #expect(badSignature.errorCode == "InvalidSignatureException" && badSignature.userIdentity.accessKeyId == alice.accessKeyId)
            #expect(badSignature.recipientAccountId == client.accountId)
            let stranger = records[5]
            #expect(stranger.eventSource == "sts.amazonaws.com" && stranger.userIdentity.type == "Unknown")
            #expect(stranger.errorCode == "InvalidClientTokenId" && stranger.userIdentity.accessKeyId == "AKIAUNKNOWNUNKNOWN00")
            // The access key's secret is in the reply but never in the log.
            let created = records[1]
            #expect(created.eventSource == "iam.amazonaws.com" && !created.readOnly && created.requestParameters?["userName"] == .string("alice"))
            #expect(created.responseElements?["accessKey"]?["accessKeyId"] == .string(alice.accessKeyId))
            #expect(created.responseElements?["accessKey"]?["secretAccessKey"] == .string(AuditRedaction.hidden))
            #expect(!(try directory.text()).contains(alice.secretAccessKey))
        }
    }

    @Test("S3 calls and presigned URL uses are recorded as S3 events, refusals included")
    func recordsS3() async throws {
        try await Self.withAudit { client, directory in
            #expect(try await client.s3(.put, "/audit-bucket").status == .ok)
            #expect(try await client.s3(.put, "/audit-bucket/a.txt", body: "hello").status == .ok)
            let url = client.presigned(.get, "/audit-bucket/a.txt", expires: 60, date: Date())
            #expect(try await client.unsigned(.get, url, headers: []).status == .ok)
            let expired = client.presigned(.get, "/audit-bucket/a.txt", expires: 1, date: Date() - 600)
            #expect(try await client.unsigned(.get, expired, headers: []).status == .forbidden)
            let records = try directory.records()
            #expect(records.map(\.eventName) == ["CreateBucket", "PutObject", "GetObject", "GetObject"])
            #expect(records.allSatisfy { $0.eventSource == "s3.amazonaws.com" })
            #expect(records[1].eventCategory == "Data" && !records[1].managementEvent && records[1].requestParameters?["key"] == .string("a.txt"))
            #expect(records[2].additionalEventData?["AuthenticationMethod"] == .string("QueryString") && records[2].errorCode == nil)
            #expect(records[2].userIdentity.type == "Root")
            #expect(records[3].errorCode == "AccessDenied" && records[3].errorMessage == "Request has expired")
            #expect(records[1].additionalEventData?["AuthenticationMethod"] == .string("AuthHeader"))
        }
    }

    @Test("LookupEvents returns the account's records newest first, filtered and paged, and refuses bad queries")
    func lookupEvents() async throws {
        try await Self.withAudit { client, _ in
            for _ in 0..<3 { _ = try await client.ssm("ListDocuments", "{}") }
            _ = try await client.ssm("DescribeInstanceInformation", "{}")
            let filter = #"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"ListDocuments"}],"MaxResults":2}"#
            let first = try Self.json(try await client.cloudTrail("LookupEvents", filter))
            let events = try #require(first["Events"] as? [[String: Any]])
            #expect(events.count == 2 && events.allSatisfy { $0["EventName"] as? String == "ListDocuments" })
            #expect(events.allSatisfy { $0["ReadOnly"] as? String == "true" && $0["EventSource"] as? String == "ssm.amazonaws.com" })
            let record = try AuditRecord.decode(try #require(events[0]["CloudTrailEvent"] as? String))
            #expect(record.eventID == events[0]["EventId"] as? String)
            let token = try #require(first["NextToken"] as? String)
            let pageBody = #"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"ListDocuments"}],"MaxResults":2,"NextToken":"\#(token)"}"#
            let second = try Self.json(try await client.cloudTrail("LookupEvents", pageBody))
            #expect((second["Events"] as? [[String: Any]])?.count == 1 && second["NextToken"] == nil)
            let errors: [(String, String, String)] = [
                (#"{"MaxResults":51}"#, "InvalidMaxResultsException", "A max results value of 51 is invalid. Specify max results between 1 and 50."),
                (#"{"LookupAttributes":[{"AttributeKey":"Color","AttributeValue":"red"}]}"#, "InvalidLookupAttributesException", "Lookup attribute key is not valid."),
                (#"{"StartTime":2000000000,"EndTime":1000000000}"#, "InvalidTimeRangeException", "StartTime"),
                (#"{"NextToken":"bm9wZQ=="}"#, "InvalidNextTokenException", "NextToken"),
            ]
            for (body, code, text) in errors {
                let error = ErrorReply(try await client.cloudTrail("LookupEvents", body))
                #expect(error.status == 400 && error.code == code && error.message.contains(text), "\(error)")
            }
        }
    }

    @Test("non-read-only calls are published on the bus as \"AWS API Call via CloudTrail\"")
    func busEvents() throws {
        let record = AuditRecord(userIdentity: .unknown(accessKeyId: nil), eventTime: Date(), eventSource: "iam.amazonaws.com", eventName: "CreateUser",
                                 awsRegion: "us-east-1", sourceIPAddress: "", userAgent: "", requestID: "r", eventID: "e", readOnly: false,
                                 recipientAccountId: "123456789012")
        let event = AuditTrail.busEvent(record, text: try record.encoded())
        #expect(event.source == "aws.iam" && event.detailType == "AWS API Call via CloudTrail" && event.account == "123456789012")
        #expect(event.detail["eventName"] == .string("CreateUser"))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }
}
