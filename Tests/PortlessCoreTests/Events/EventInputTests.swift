import Foundation
import PortlessCore
import Testing

/// What a target receives: the fixed input, the part an input path names, or a template filled from the event, and
/// EventBridge's checks on targets.
@Suite("Event target input")
struct EventInputTests {
    static let event = try! JSONDecoder().decode(JSONValue.self, from: Data(#"""
        {"id": "e1", "source": "aws.ssm", "detail-type": "x", "resources": ["arn:a", "arn:b"],
         "detail": {"instance-id": "mi-0123456789abcdef0", "status": "Failed", "exit": 2, "note": "say \"hi\"", "tags": {"env": "prod"}}}
        """#.utf8))
    static let rule = EventInput.RuleFacts(name: "r", arn: "arn:aws:events:us-east-1:111122223333:rule/r",
                                           ingestionTime: Date(timeIntervalSince1970: 1_767_225_600))

    static func render(_ configure: (inout EventTarget) -> Void) -> String {
        var target = EventTarget(id: "t", arn: "https://example.com/hook")
        configure(&target)
        return EventInput.render(target, event: event, rule: rule)
    }

    @Test("the whole event by default, the fixed Input, or the value at InputPath")
    func inputs() throws {
        let whole = try JSONDecoder().decode(JSONValue.self, from: Data(Self.render { _ in }.utf8))
        #expect(whole == Self.event)
        #expect(Self.render { $0.input = #"{"fixed":true}"# } == #"{"fixed":true}"#)
        #expect(Self.render { $0.inputPath = "$.detail.tags" } == #"{"env":"prod"}"#)
        #expect(Self.render { $0.inputPath = "$.resources[1]" } == #""arn:b""#)
        #expect(Self.render { $0.inputPath = "$.detail.missing" } == "null")
    }

    @Test("a template takes each value as text inside a string and as JSON outside one, plus the rule's reserved values")
    func transformer() {
        let filled = Self.render {
            $0.inputTransformer = .init(inputPathsMap: ["node": "$.detail.instance-id", "exit": "$.detail.exit", "tags": "$.detail.tags",
                                                        "note": "$.detail.note"],
                                        inputTemplate: #"{"text": "<node> exited <exit> (<note>) rule <aws.events.rule-name>", "tags": <tags>, "code": <exit>, "at": "<aws.events.event.ingestion-time>", "keep": "<unknown>"}"#)
        }
        #expect(filled == #"{"text": "mi-0123456789abcdef0 exited 2 (say \"hi\") rule r", "tags": {"env":"prod"}, "code": 2, "at": "2026-01-01T00:00:00Z", "keep": "<unknown>"}"#)
        let slack = Self.render { $0.inputTransformer = .init(inputPathsMap: ["s": "$.detail.status"], inputTemplate: #"{"text": "status <s>"}"#) }
        #expect(slack == #"{"text": "status Failed"}"#)
    }

    @Test("JSON paths: $, dotted names, quoted names and indexes; anything else is refused")
    func paths() {
        #expect(JSONPath("$")?.value(in: Self.event) == Self.event)
        #expect(JSONPath("$['detail'].status")?.value(in: Self.event) == .string("Failed"))
        for bad in ["detail", "$.", "$..a", "$[x]", "$.a[", "$a"] { #expect(JSONPath(bad) == nil, "\(bad)") }
    }

    @Test("target checks refuse what EventBridge refuses", arguments: [
        (#"{"Id":"a b","Arn":"x"}"#, "Value 'a b' at 'targets[0].Id' failed to satisfy constraint"),
        (#"{"Id":"a","Arn":"x","Input":"{","InputPath":"$"}"#, "Only one of Input, InputPath, or InputTransformer must be provided."),
        (#"{"Id":"a","Arn":"x","Input":"{"}"#, "Parameter Input is not valid."),
        (#"{"Id":"a","Arn":"x","InputPath":"detail"}"#, "Parameter InputPath is not valid."),
        (#"{"Id":"a","Arn":"x","InputTransformer":{"InputPathsMap":{"a.b":"$"},"InputTemplate":"x"}}"#, "Parameter InputPathsMap is not valid."),
        (#"{"Id":"a","Arn":"x","RetryPolicy":{"MaximumRetryAttempts":186}}"#, "Member must have value less than or equal to 185"),
        (#"{"Id":"a","Arn":"x","RetryPolicy":{"MaximumEventAgeInSeconds":59}}"#, "Member must have value greater than or equal to 60"),
        (#"{"Id":"a","Arn":"x","RunCommandParameters":{"RunCommandTargets":[{"Key":"color","Values":["x"]}]}}"#, "Parameter RunCommandTargets[0] is not valid."),
    ])
    func targetChecks(json: String, message: String) throws {
        let target = try JSONDecoder().decode(EventTarget.self, from: Data(json.utf8))
        #expect(throws: PortlessError.self) { try EventRuleValidation.target(target, index: 0) }
        do {
            try EventRuleValidation.target(target, index: 0)
        } catch let error as PortlessError {
            #expect(error.message.contains(message), "\(json): \(error.message)")
        }
    }

    @Test("target kinds: a URL is a webhook, a document ARN of the account is Run Command, a log group ARN is Logs, anything else is refused")
    func kinds() {
        #expect(EventTargetKind.of("https://hooks.slack.com/services/T/B/X", region: "us-east-1", account: "111122223333")
                == .success(.webhook(URL(string: "https://hooks.slack.com/services/T/B/X")!)))
        #expect(EventTargetKind.of("arn:aws:ssm:us-east-1:111122223333:document/AWS-RunShellScript", region: "us-east-1", account: "111122223333")
                == .success(.runCommand(documentName: "AWS-RunShellScript")))
        #expect(EventTargetKind.of("arn:aws:logs:us-east-1:111122223333:log-group:/aws/events/audit:*", region: "us-east-1", account: "111122223333")
                == .success(.logGroup(name: "/aws/events/audit")))
        for arn in ["arn:aws:ssm:us-west-2:111122223333:document/D", "arn:aws:lambda:us-east-1:111122223333:function:f", "ftp://x",
                    "arn:aws:logs:us-east-1:999988887777:log-group:theirs", "arn:aws:logs:us-east-1:111122223333:log-group:bad name"] {
            if case .success = EventTargetKind.of(arn, region: "us-east-1", account: "111122223333") { Issue.record("accepted \(arn)") }
        }
    }
}
