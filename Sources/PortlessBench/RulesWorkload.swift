import Foundation
import PortlessCore

/// The rules and events `PortlessBench rules` matches: a mix like a fleet's — most rules name a source and detail-type
/// (Run Command invocations and commands, node state, custom application events) and filter on detail fields with
/// exact values, `prefix`, `anything-but`, `numeric`, `wildcard` and `$or`; a tenth name only a source, a twentieth
/// neither (tried against every event).
struct RulesWorkload {
    let patterns: [(key: Int, pattern: EventPattern)]
    let events: [EventEnvelope]
    /// The percentage of rules the index files by source and detail-type.
    let filedShare: Int

    init(rules: Int) throws {
        var patterns: [(key: Int, pattern: EventPattern)] = []
        var filed = 0
        for n in 0..<rules {
            let text: String
            switch n % 20 {
            case 0..<7:
                text = #"{"source":["aws.ssm"],"detail-type":["\#(CommandEvents.invocationDetailType)"],"detail":{"status":["Failed","TimedOut"],"document-name":["Doc-\#(n % 50)"]}}"#
            case 7..<10:
                text = #"{"source":["aws.ssm"],"detail-type":["\#(CommandEvents.commandDetailType)"],"detail":{"status":[{"anything-but":["Success","InProgress"]}],"document-name":[{"prefix":"Doc-\#(n % 50)"}]}}"#
            case 10..<13:
                text = #"{"source":["aws.ssm"],"detail-type":["\#(NodeEvents.detailType)"],"detail":{"state":["Offline"],"instance-id":["mi-\#(String(format: "%017lx", n))"]}}"#
            case 13..<17:
                text = #"{"source":["app.\#(n % 25)"],"detail-type":["order"],"detail":{"$or":[{"total":[{"numeric":[">=",\#(n)]}]},{"priority":["high"]}]}}"#
            case 17, 18:
                text = #"{"source":["app.\#(n % 25)"],"detail":{"region-code":[{"wildcard":"eu-*-\#(n % 3)"}]}}"#
            default:
                text = #"{"detail":{"tenant":["t-\#(n)"],"flag":[{"exists":true}]}}"#
            }
            let pattern = try EventPattern(parsing: text)
            if pattern.requiredStrings(of: "source") != nil { filed += 1 }
            patterns.append((n, pattern))
        }
        self.patterns = patterns
        filedShare = rules == 0 ? 0 : filed * 100 / rules
        let now = Date()
        var events: [EventEnvelope] = []
        for n in 0..<100 {
            let status = ["Success", "Failed", "TimedOut", "InProgress"][n % 4]
            switch n % 5 {
            case 0, 1:
                events.append(EventEnvelope(detailType: CommandEvents.invocationDetailType, source: "aws.ssm", account: "111122223333", time: now,
                                            region: "us-east-1", resources: ["arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-\(n)"],
                                            detail: .object(["command-id": .string(UUID().uuidString), "document-name": .string("Doc-\(n % 60)"),
                                                             "instance-id": .string("mi-\(n)"), "status": .string(status),
                                                             "status-details": .string(status), "requested-date-time": .string("2026-01-01T00:00:00Z")])))
            case 2:
                events.append(EventEnvelope(detailType: CommandEvents.commandDetailType, source: "aws.ssm", account: "111122223333", time: now,
                                            region: "us-east-1", resources: [],
                                            detail: .object(["command-id": .string(UUID().uuidString), "document-name": .string("Doc-\(n % 60)"),
                                                             "status": .string(status), "parameters": .object(["commands": .array([.string("x")])])])))
            case 3:
                events.append(EventEnvelope(detailType: NodeEvents.detailType, source: "aws.ssm", account: "111122223333", time: now,
                                            region: "us-east-1", resources: [],
                                            detail: .object(["instance-id": .string("mi-" + String(format: "%017lx", n * 7)), "state": .string("Offline")])))
            default:
                events.append(EventEnvelope(detailType: "order", source: "app.\(n % 30)", account: "111122223333", time: now, region: "us-east-1",
                                            resources: [], detail: .object(["total": .number(Double(n * 13)), "priority": .string("low"),
                                                                            "region-code": .string("eu-west-\(n % 3)"), "tenant": .string("t-\(n)")])))
            }
        }
        self.events = events
    }
}
