import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessCore
import Testing

/// CloudWatch Logs through `buildApplication`: groups, streams and events round-trip, reads page, filters match,
/// and bad requests get CloudWatch Logs' codes and texts and change nothing.
@Suite("CloudWatch Logs through buildApplication")
struct LogsAPITests {
    static func logs(_ client: SignedClient, _ operation: String, _ body: String) async throws -> TestResponse {
        try await client.json("Logs_20140328.\(operation)", service: "logs", body)
    }

    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: response.body).utf8))
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    @Test("events written to a stream are read back in order, paged both ways, and filtered across streams")
    func roundTrip() async throws {
        try await TestPortless.withClient { client in
            #expect(try await Self.logs(client, "CreateLogGroup", #"{"logGroupName":"/app/web"}"#).status == .ok)
            for stream in ["a", "b"] {
                #expect(try await Self.logs(client, "CreateLogStream", #"{"logGroupName":"/app/web","logStreamName":"\#(stream)"}"#).status == .ok)
            }
            let base = Self.now - 1000
            let eventsA = (0..<5).map { #"{"timestamp":\#(base + Int64($0) * 2),"message":"a\#($0) \#($0 % 2 == 0 ? "ERROR" : "INFO")"}"# }
            let put = try await Self.logs(client, "PutLogEvents", #"{"logGroupName":"/app/web","logStreamName":"a","logEvents":[\#(eventsA.joined(separator: ","))]}"#)
            #expect(put.status == .ok)
            #expect(try Self.json(put)["rejectedLogEventsInfo"] == nil)
            _ = try await Self.logs(client, "PutLogEvents", #"{"logGroupName":"/app/web","logStreamName":"b","logEvents":[{"timestamp":\#(base + 3),"message":"b0 ERROR"}]}"#)

            let head = try Self.json(try await Self.logs(client, "GetLogEvents",
                                                         #"{"logGroupName":"/app/web","logStreamName":"a","startFromHead":true,"limit":2}"#))
            #expect(head["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == ["a0 ERROR", "a1 INFO"])
            let forward = try #require(head["nextForwardToken"]?.stringValue)
            let next = try Self.json(try await Self.logs(client, "GetLogEvents",
                                                         #"{"logGroupName":"/app/web","logStreamName":"a","nextToken":"\#(forward)","limit":10}"#))
            #expect(next["events"]?.arrayValue?.count == 3)
            let tail = try Self.json(try await Self.logs(client, "GetLogEvents", #"{"logGroupName":"/app/web","logStreamName":"a","limit":1}"#))
            #expect(tail["events"]?.arrayValue?.first?["message"]?.stringValue == "a4 ERROR")

            let filtered = try Self.json(try await Self.logs(client, "FilterLogEvents", #"{"logGroupName":"/app/web","filterPattern":"ERROR"}"#))
            #expect(filtered["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == ["a0 ERROR", "b0 ERROR", "a2 ERROR", "a4 ERROR"])
            let paged = try Self.json(try await Self.logs(client, "FilterLogEvents", #"{"logGroupName":"/app/web","filterPattern":"ERROR","limit":3}"#))
            let token = try #require(paged["nextToken"]?.stringValue)
            let rest = try Self.json(try await Self.logs(client, "FilterLogEvents",
                                                         #"{"logGroupName":"/app/web","filterPattern":"ERROR","nextToken":"\#(token)"}"#))
            #expect(rest["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == ["a4 ERROR"])

            let groups = try Self.json(try await Self.logs(client, "DescribeLogGroups", #"{"logGroupNamePrefix":"/app"}"#))
            let group = try #require(groups["logGroups"]?.arrayValue?.first)
            #expect(group["logGroupName"] == .string("/app/web"))
            #expect(group["arn"]?.stringValue?.hasSuffix(":log-group:/app/web:*") == true)
            #expect(group["storedBytes"] == .number(46))
            let streams = try Self.json(try await Self.logs(client, "DescribeLogStreams",
                                                            #"{"logGroupName":"/app/web","orderBy":"LastEventTime","descending":true}"#))
            #expect(streams["logStreams"]?.arrayValue?.compactMap { $0["logStreamName"]?.stringValue } == ["a", "b"])
        }
    }

    @Test("bad requests get CloudWatch Logs' codes and texts and change nothing")
    func refusals() async throws {
        try await TestPortless.withClient { client in
            _ = try await Self.logs(client, "CreateLogGroup", #"{"logGroupName":"g"}"#)
            _ = try await Self.logs(client, "CreateLogStream", #"{"logGroupName":"g","logStreamName":"s"}"#)
            let now = Self.now
            let cases: [(String, String, String, String)] = [
                ("CreateLogGroup", #"{"logGroupName":"g"}"#, "ResourceAlreadyExistsException", "The specified log group already exists"),
                ("CreateLogGroup", #"{"logGroupName":"bad name"}"#, "InvalidParameterException",
                 #"1 validation error detected: Value 'bad name' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+"#),
                ("CreateLogStream", #"{"logGroupName":"g","logStreamName":"s"}"#, "ResourceAlreadyExistsException", "The specified log stream already exists"),
                ("CreateLogStream", #"{"logGroupName":"nope","logStreamName":"s"}"#, "ResourceNotFoundException", "The specified log group does not exist."),
                ("PutLogEvents", #"{"logGroupName":"g","logStreamName":"missing","logEvents":[{"timestamp":\#(now),"message":"x"}]}"#,
                 "ResourceNotFoundException", "The specified log stream does not exist."),
                ("PutLogEvents", #"{"logGroupName":"g","logStreamName":"s","logEvents":[{"timestamp":\#(now),"message":"b"},{"timestamp":\#(now - 5),"message":"a"}]}"#,
                 "InvalidParameterException", "Log events in a single PutLogEvents request must be in chronological order."),
                ("PutRetentionPolicy", #"{"logGroupName":"g","retentionInDays":2}"#, "InvalidParameterException",
                 "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]"),
                ("FilterLogEvents", #"{"logGroupName":"g","filterPattern":"{ $.a = 1"}"#, "InvalidParameterException",
                 "If a filter pattern starts with '{' it must end with '}'"),
                ("GetLogEvents", #"{"logGroupName":"g","logStreamName":"s","nextToken":"garbage"}"#, "InvalidParameterException",
                 "The specified nextToken is invalid."),
                ("DescribeLogGroups", #"{"limit":51}"#, "InvalidParameterException",
                 "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50"),
                ("AssociateKmsKey", #"{"logGroupName":"g","kmsKeyId":"not-an-arn"}"#, "InvalidParameterException",
                 "Specified KMS key ARN is not valid: not-an-arn"),
            ]
            for (operation, body, code, message) in cases {
                let error = ErrorReply(try await Self.logs(client, operation, body))
                #expect(error.status == 400 && error.code == code && error.message == message, "\(operation) \(body): \(error)")
            }
            let events = try Self.json(try await Self.logs(client, "GetLogEvents", #"{"logGroupName":"g","logStreamName":"s"}"#))
            #expect(events["events"]?.arrayValue?.isEmpty == true)
            let groups = try Self.json(try await Self.logs(client, "DescribeLogGroups", "{}"))
            #expect(groups["logGroups"]?.arrayValue?.count == 1 && groups["logGroups"]?.arrayValue?.first?["retentionInDays"] == nil)
        }
    }
}
