import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessCore
import Testing

/// EventBridge through `buildApplication`: rules, targets, custom events and pattern tests, with EventBridge's codes and
/// texts; bad input changes nothing; matched events are delivered, and a failing target ends in the rule's dead letters.
@Suite("EventBridge through buildApplication")
struct EventsAPITests {
    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]) ?? [:]
    }

    @Test("a rule is put, described, listed by prefix and page, disabled, enabled and deleted once its targets are removed")
    func ruleLifecycle() async throws {
        try await TestPortless.withClient { client in
            let account = client.accountId
            let put = Self.json(try await client.events("PutRule", #"{"Name":"on-fail","EventPattern":"{\"source\":[\"aws.ssm\"]}","Description":"d"}"#))
            #expect(put["RuleArn"] as? String == "arn:aws:events:us-east-1:\(account):rule/on-fail")
            _ = try await client.events("PutRule", #"{"Name":"tick","ScheduleExpression":"rate(5 minutes)","State":"DISABLED"}"#)
            _ = try await client.events("PutRule", #"{"Name":"other","ScheduleExpression":"cron(0 12 * * ? *)"}"#)
            let described = Self.json(try await client.events("DescribeRule", #"{"Name":"on-fail"}"#))
            #expect(described["State"] as? String == "ENABLED" && described["EventBusName"] as? String == "default"
                    && described["Description"] as? String == "d" && described["CreatedBy"] as? String == account)
            let prefixed = Self.json(try await client.events("ListRules", #"{"NamePrefix":"o"}"#))["Rules"] as? [[String: Any]]
            #expect(prefixed?.compactMap { $0["Name"] as? String } == ["on-fail", "other"])
            let first = Self.json(try await client.events("ListRules", #"{"Limit":2}"#))
            #expect((first["Rules"] as? [Any])?.count == 2)
            let token = try #require(first["NextToken"] as? String)
            let second = Self.json(try await client.events("ListRules", #"{"Limit":2,"NextToken":"\#(token)"}"#))
            #expect((second["Rules"] as? [[String: Any]])?.first?["Name"] as? String == "tick" && second["NextToken"] == nil)

            _ = try await client.events("DisableRule", #"{"Name":"on-fail"}"#)
            #expect(Self.json(try await client.events("DescribeRule", #"{"Name":"on-fail"}"#))["State"] as? String == "DISABLED")
            _ = try await client.events("EnableRule", #"{"Name":"on-fail"}"#)
            #expect(Self.json(try await client.events("DescribeRule", #"{"Name":"on-fail"}"#))["State"] as? String == "ENABLED")

            let targets = Self.json(try await client.events("PutTargets", #"{"Rule":"on-fail","Targets":[{"Id":"hook","Arn":"https://example.com/hook"}]}"#))
            #expect(targets["FailedEntryCount"] as? Int == 0)
            let refused = ErrorReply(try await client.events("DeleteRule", #"{"Name":"on-fail"}"#))
            #expect(refused.code == "ValidationException" && refused.message == "Rule can't be deleted since it has targets.")
            let listed = Self.json(try await client.events("ListTargetsByRule", #"{"Rule":"on-fail"}"#))["Targets"] as? [[String: Any]]
            #expect(listed?.first?["Arn"] as? String == "https://example.com/hook")
            let removed = Self.json(try await client.events("RemoveTargets", #"{"Rule":"on-fail","Ids":["hook","nope"]}"#))
            #expect(removed["FailedEntryCount"] as? Int == 1)
            #expect(try await client.events("DeleteRule", #"{"Name":"on-fail"}"#).status == .ok)
            let gone = ErrorReply(try await client.events("DescribeRule", #"{"Name":"on-fail"}"#))
            #expect(gone.status == 400 && gone.code == "ResourceNotFoundException" && gone.message == "Rule on-fail does not exist on EventBus default.")
        }
    }

    @Test("bad rules are refused with EventBridge's code and text, and nothing is written", arguments: [
        (#"{"Name":"r"}"#, "ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified."),
        (#"{"Name":"r","ScheduleExpression":"rate(1 minutes)"}"#, "ValidationException", "Parameter ScheduleExpression is not valid."),
        (#"{"Name":"r","ScheduleExpression":"cron(0 12 * * ?)"}"#, "ValidationException", "Parameter ScheduleExpression is not valid."),
        (#"{"Name":"r","ScheduleExpression":"rate(30 seconds)"}"#, "ValidationException", "Parameter ScheduleExpression is not valid."),
        (#"{"Name":"r","EventPattern":"{\"detail\":{}}"}"#, "InvalidEventPatternException",
         "Event pattern is not valid. Reason: Empty objects are not allowed\n at [Source: (String)\"{\"detail\":{}}\"; line: 1, column: 13]"),
        (#"{"Name":"a b","EventPattern":"{\"source\":[\"x\"]}"}"#, "ValidationException",
         "1 validation error detected: Value 'a b' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+"),
        (#"{"Name":"r","EventPattern":"{\"source\":[\"x\"]}","State":"ON"}"#, "ValidationException",
         "1 validation error detected: Value 'ON' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]"),
        (#"{"Name":"r","EventPattern":"{\"source\":[\"x\"]}","EventBusName":"mine"}"#, "ResourceNotFoundException", "Event bus mine does not exist."),
    ])
    func badRules(body: String, code: String, message: String) async throws {
        try await TestPortless.withClient { client in
            let error = ErrorReply(try await client.events("PutRule", body))
            #expect(error.status == 400 && error.code == code && error.message == message, "\(body): \(error)")
            #expect(String(buffer: try await client.events("ListRules", "{}").body) == #"{"Rules":[]}"#)
        }
    }

    @Test("targets: an unsupported ARN and a Run Command target without a role are failed entries; a sixth target is over the limit")
    func targets() async throws {
        try await TestPortless.withClient { client in
            _ = try await client.events("PutRule", #"{"Name":"r","EventPattern":"{\"source\":[\"x\"]}"}"#)
            let document = "arn:aws:ssm:us-east-1:\(client.accountId):document/AWS-RunShellScript"
            let reply = Self.json(try await client.events("PutTargets", """
                {"Rule":"r","Targets":[{"Id":"l","Arn":"arn:aws:lambda:us-east-1:\(client.accountId):function:f"},
                 {"Id":"run","Arn":"\(document)","Input":"{}"},{"Id":"ok","Arn":"http://127.0.0.1:9/x"}]}
                """))
            let failed = reply["FailedEntries"] as? [[String: Any]]
            #expect(reply["FailedEntryCount"] as? Int == 2 && failed?.compactMap { $0["TargetId"] as? String } == ["l", "run"])
            #expect(failed?.last?["ErrorMessage"] as? String == "RoleArn is required for target \(document).")
            let both = ErrorReply(try await client.events("PutTargets", #"{"Rule":"r","Targets":[{"Id":"x","Arn":"http://h/","Input":"{}","InputPath":"$.detail"}]}"#))
            #expect(both.code == "ValidationException" && both.message == "Only one of Input, InputPath, or InputTransformer must be provided.")
            let many = (1...5).map { #"{"Id":"t\#($0)","Arn":"http://127.0.0.1:9/\#($0)"}"# }.joined(separator: ",")
            let over = ErrorReply(try await client.events("PutTargets", #"{"Rule":"r","Targets":[\#(many)]}"#))
            #expect(over.code == "LimitExceededException" && over.message == "The requested resource exceeds the maximum number allowed.")
            let listed = Self.json(try await client.events("ListTargetsByRule", #"{"Rule":"r"}"#))["Targets"] as? [[String: Any]]
            #expect(listed?.count == 1)
            let missing = ErrorReply(try await client.events("PutTargets", #"{"Rule":"nope","Targets":[{"Id":"a","Arn":"http://h/"}]}"#))
            #expect(missing.code == "ResourceNotFoundException" && missing.message == "Rule nope does not exist on EventBus default.")
        }
    }

    @Test("TestEventPattern answers the match and refuses a bad pattern or event")
    func testEventPattern() async throws {
        try await TestPortless.withClient { client in
            let event = #"{\"id\":\"1\",\"account\":\"123456789012\",\"source\":\"aws.ssm\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"detail-type\":\"x\",\"resources\":[],\"detail\":{\"status\":\"Failed\"}}"#
            let yes = Self.json(try await client.events("TestEventPattern", #"{"EventPattern":"{\"detail\":{\"status\":[\"Failed\"]}}","Event":"\#(event)"}"#))
            #expect(yes["Result"] as? Bool == true)
            let no = Self.json(try await client.events("TestEventPattern", #"{"EventPattern":"{\"detail\":{\"status\":[\"Success\"]}}","Event":"\#(event)"}"#))
            #expect(no["Result"] as? Bool == false)
            let badEvent = ErrorReply(try await client.events("TestEventPattern", #"{"EventPattern":"{\"source\":[\"a\"]}","Event":"{\"source\":\"a\"}"}"#))
            #expect(badEvent.code == "ValidationException" && badEvent.message == "Parameter Event is not valid.")
            let badPattern = ErrorReply(try await client.events("TestEventPattern", #"{"EventPattern":"[1]","Event":"\#(event)"}"#))
            #expect(badPattern.code == "InvalidEventPatternException" && badPattern.message.hasPrefix("Event pattern is not valid. Reason: Filter is not an object"))
        }
    }

    @Test("PutEvents publishes custom events and refuses each bad entry on its own")
    func putEvents() async throws {
        try await TestPortless.withClient { client in
            let reply = Self.json(try await client.events("PutEvents", """
                {"Entries":[{"Source":"my.app","DetailType":"t","Detail":"{\\"a\\":1}"},
                 {"Source":"aws.ssm","DetailType":"t","Detail":"{}"},
                 {"Source":"my.app","Detail":"{}"},
                 {"Source":"my.app","DetailType":"t","Detail":"[1]"}]}
                """))
            let entries = try #require(reply["Entries"] as? [[String: Any]])
            #expect(reply["FailedEntryCount"] as? Int == 3 && entries.count == 4)
            #expect((entries[0]["EventId"] as? String).map(Identifiers.isUUID) == true)
            #expect(entries[1]["ErrorCode"] as? String == "NotAuthorizedForSourceException" && entries[1]["ErrorMessage"] as? String == "Not authorized for the source.")
            #expect(entries[2]["ErrorCode"] as? String == "InvalidArgument"
                    && entries[2]["ErrorMessage"] as? String == "Parameter DetailType is not valid. Reason: DetailType is a required argument.")
            #expect(entries[3]["ErrorCode"] as? String == "MalformedDetail" && entries[3]["ErrorMessage"] as? String == "Detail is malformed.")
            let eleven = Array(repeating: #"{"Source":"a","DetailType":"t","Detail":"{}"}"#, count: 11).joined(separator: ",")
            let over = ErrorReply(try await client.events("PutEvents", #"{"Entries":[\#(eleven)]}"#))
            #expect(over.code == "ValidationException" && over.message.contains("Member must have length less than or equal to 10"))
        }
    }

    @Test("a matched event whose webhook refuses is retried, then kept as the rule's dead letter")
    func deadLetter() async throws {
        try await TestPortless.withClient { client in
            _ = try await client.events("PutRule", #"{"Name":"r","EventPattern":"{\"source\":[\"my.app\"],\"detail\":{\"n\":[{\"numeric\":[\">\",1]}]}}"}"#)
            _ = try await client.events("PutTargets", """
                {"Rule":"r","Targets":[{"Id":"down","Arn":"http://127.0.0.1:9/hook","RetryPolicy":{"MaximumRetryAttempts":1}}]}
                """)
            _ = try await client.events("PutEvents", #"{"Entries":[{"Source":"my.app","DetailType":"t","Detail":"{\"n\":0}"},{"Source":"my.app","DetailType":"t","Detail":"{\"n\":2}"}]}"#)
            var letters: [[String: Any]] = []
            // A refused connection is retried by the HTTP client until the attempt's 5-second timeout.
            for _ in 0..<300 where letters.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                letters = Self.json(try await client.portless("ListRuleDeliveries", #"{"Rule":"r"}"#))["Deliveries"] as? [[String: Any]] ?? []
            }
            #expect(letters.count == 1)
            #expect(letters.first?["Attempts"] as? Int == 2 && letters.first?["State"] as? String == "DEAD_LETTERED")
            #expect((letters.first?["Event"] as? String)?.contains(#""n":2"#) == true)
            #expect(letters.first?["LastError"] as? String != nil)
        }
    }
}
