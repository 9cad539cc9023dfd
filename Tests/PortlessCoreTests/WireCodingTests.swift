import Foundation
@testable import PortlessCore
import Testing

// JSONValue round trips, WireCoding turning decoding failures into `SerializationException`
// naming the field, and the agent control-channel message round trip.

/// A request shaped like SendCommand's, for field-path checks.
private struct SendCommandLike: Decodable {
    var documentName: String
    var instanceIds: [String]?
    var targets: [Target]?
    var parameters: [String: [String]]?
    var timeoutSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case documentName = "DocumentName", instanceIds = "InstanceIds", targets = "Targets"
        case parameters = "Parameters", timeoutSeconds = "TimeoutSeconds"
    }
}

private func decodeRequest(_ json: String) throws -> SendCommandLike {
    try WireCoding.decode(SendCommandLike.self, from: Data(json.utf8))
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test func decodesEveryShape() throws {
        let json = #"{"n": null, "t": true, "f": false, "i": 42, "d": -1.5, "s": "text", "a": [1, "two", [3]], "o": {"k": {}}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(value == .object([
            "n": .null, "t": .bool(true), "f": .bool(false), "i": .number(42), "d": .number(-1.5), "s": .string("text"),
            "a": .array([.number(1), .string("two"), .array([.number(3)])]),
            "o": .object(["k": .object([:])]),
        ]))
    }

    @Test func numbersAreNotBooleansAndStringsAreNotNumbers() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"[1, 0, "1", "true", true]"#.utf8))
        #expect(value == .array([.number(1), .number(0), .string("1"), .string("true"), .bool(true)]))
    }

    @Test func roundTrips() throws {
        let original: JSONValue = .object([
            "schemaVersion": .string("2.2"),
            "mainSteps": .array([.object([
                "action": .string("aws:runShellScript"),
                "inputs": .object(["runCommand": .array([.string("echo \"hi\" \\ /tmp\n")]), "timeoutSeconds": .number(3600)]),
                "flag": .bool(false), "nothing": .null, "ratio": .number(0.25), "unicode": .string("é日😀"),
            ])]),
            "empty": .array([]), "emptyObject": .object([:]),
        ])
        let data = try WireCoding.encoder().encode(original)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == original)
        #expect(try WireCoding.decode(JSONValue.self, from: data) == original)
    }

    @Test func encodesCompactSortedJSON() throws {
        let value: JSONValue = .object(["b": .number(1), "a": .array([.null, .bool(true), .string("x/y")])])
        #expect(String(decoding: try WireCoding.encoder().encode(value), as: UTF8.self) == #"{"a":[null,true,"x/y"],"b":1}"#)
    }

    @Test func accessors() {
        let value: JSONValue = .object(["s": .string("x"), "a": .array([.null])])
        #expect(value["s"]?.stringValue == "x")
        #expect(value["a"]?.arrayValue == [.null])
        #expect(value["missing"] == nil)
        #expect(value.objectValue?.count == 2)
        #expect(value.stringValue == nil)
        #expect(JSONValue.string("x")["s"] == nil)
        #expect(JSONValue.number(1).arrayValue == nil)
    }
}

@Suite("WireCoding")
struct WireCodingTests {
    @Test func decodesWellFormedRequest() throws {
        let request = try decodeRequest("""
        {"DocumentName": "AWS-RunShellScript", "InstanceIds": ["mi-0123456789abcdef0"],
         "Targets": [{"Key": "tag:Role", "Values": ["web"]}], "Parameters": {"commands": ["ls"]}, "TimeoutSeconds": 600}
        """)
        #expect(request.documentName == "AWS-RunShellScript")
        #expect(request.instanceIds == ["mi-0123456789abcdef0"])
        #expect(request.targets == [Target(key: "tag:Role", values: ["web"])])
        #expect(request.parameters == ["commands": ["ls"]])
        #expect(request.timeoutSeconds == 600)
    }

    @Test func typeMismatchInArrayNamesTheElement() throws {
        let error = #expect(throws: PortlessError.self) {
            try decodeRequest(#"{"DocumentName": "d", "InstanceIds": ["mi-0123456789abcdef0", 5]}"#)
        }
        #expect(error?.code == .serialization)
        #expect(error?.code.rawValue == "SerializationException")
        #expect(error?.field == "InstanceIds[1]")
        #expect(error?.message.contains("InstanceIds[1]") == true)
    }

    @Test func typeMismatchOfTopLevelField() throws {
        let error = #expect(throws: PortlessError.self) {
            try decodeRequest(#"{"DocumentName": "d", "TimeoutSeconds": "600"}"#)
        }
        #expect(error?.code == .serialization)
        #expect(error?.field == "TimeoutSeconds")
    }

    @Test func nestedPathsAreSpelledAsAWSDoes() throws {
        let error = #expect(throws: PortlessError.self) {
            try decodeRequest(#"{"DocumentName": "d", "Targets": [{"Key": "tag:A", "Values": ["x"]}, {"Key": "tag:B", "Values": ["y", 7]}]}"#)
        }
        #expect(error?.code == .serialization)
        #expect(error?.field == "Targets[1].Values[1]")
    }

    @Test func mapValuePathNamesTheKey() throws {
        let error = #expect(throws: PortlessError.self) {
            try decodeRequest(#"{"DocumentName": "d", "Parameters": {"commands": "ls"}}"#)
        }
        #expect(error?.code == .serialization)
        #expect(error?.field == "Parameters.commands")
    }

    @Test func missingKeyIsNamed() throws {
        let error = #expect(throws: PortlessError.self) { try decodeRequest(#"{"InstanceIds": []}"#) }
        #expect(error?.code == .serialization)
        #expect(error?.field == "DocumentName")

        let nested = #expect(throws: PortlessError.self) {
            try decodeRequest(#"{"DocumentName": "d", "Targets": [{"Values": ["x"]}]}"#)
        }
        #expect(nested?.field == "Targets[0].Key")
    }

    @Test func nullForRequiredValueIsNamed() throws {
        let error = #expect(throws: PortlessError.self) { try decodeRequest(#"{"DocumentName": null}"#) }
        #expect(error?.code == .serialization)
        #expect(error?.field == "DocumentName")
    }

    @Test(arguments: ["", "{", "nope", "{\"DocumentName\": \"d\"", "{\"DocumentName\": 'd'}"])
    func malformedBodyHasNoField(_ json: String) throws {
        let error = #expect(throws: PortlessError.self) { try decodeRequest(json) }
        #expect(error?.code == .serialization)
        #expect(error?.field == nil)
    }

    @Test func wrongTopLevelShape() throws {
        let error = #expect(throws: PortlessError.self) { try decodeRequest("[]") }
        #expect(error?.code == .serialization)
        #expect(error?.field == nil)
    }

    @Test func datesAreEpochSeconds() throws {
        struct Stamp: Codable, Equatable { var at: Date }
        let stamp = Stamp(at: Date(timeIntervalSince1970: 1_700_000_000.5))
        let data = try WireCoding.encoder().encode(stamp)
        #expect(String(decoding: data, as: UTF8.self) == #"{"at":1700000000.5}"#)
        #expect(try WireCoding.decode(Stamp.self, from: data) == stamp)
        #expect(try WireCoding.decode(Stamp.self, from: Data(#"{"at": 1700000000}"#.utf8)).at == Date(timeIntervalSince1970: 1_700_000_000))
    }
}

@Suite("AgentMessage")
struct AgentMessageTests {
    private static let when = Date(timeIntervalSince1970: 1_700_000_123)

    @Test func runMessageRoundTrips() throws {
        let step = StepPlan(name: "runShellScript", action: "aws:runShellScript",
                            inputs: .object(["runCommand": .array([.string("echo hi")]), "timeoutSeconds": .string("3600")]),
                            precondition: .object(["StringEquals": .array([.string("platformType"), .string("Linux")])]))
        let order = InvocationOrder(commandId: "c0ffee00-1234-4abc-8def-0123456789ab", documentName: "AWS-RunShellScript",
                                    steps: [step], environment: ["SSM_commands": "echo hi"], deliveryDeadline: Self.when)
        let message = AgentMessage(type: .run, id: "m-1", order: order, commandId: order.commandId, sentAt: Self.when)
        let text = try message.encoded()
        #expect(!text.contains("\n"))
        let decoded = try AgentMessage.decode(text)
        #expect(decoded.type == .run)
        #expect(decoded.id == "m-1")
        #expect(decoded.order == order)
        #expect(decoded.commandId == order.commandId)
        #expect(decoded.sentAt == Self.when)
        #expect(decoded.ackId == nil)
        #expect(decoded.report == nil)
        #expect(decoded.info == nil)
    }

    @Test func loginAndResultMessagesRoundTrip() throws {
        let info = NodeInfo(hostname: "web-1", ipAddress: "10.0.0.5", platformType: "Linux", platformName: "Debian",
                            platformVersion: "12", agentVersion: "0.1.0")
        let login = AgentMessage(type: .login, id: "m-2", nonce: "bm9uY2U=", instanceId: "mi-0123456789abcdef0",
                                 signature: "c2ln", info: info)
        let decodedLogin = try AgentMessage.decode(try login.encoded())
        #expect(decodedLogin.type == .login)
        #expect(decodedLogin.nonce == "bm9uY2U=")
        #expect(decodedLogin.instanceId == "mi-0123456789abcdef0")
        #expect(decodedLogin.signature == "c2ln")
        #expect(decodedLogin.info == info)

        let report = InvocationReport(
            commandId: "c0ffee00-1234-4abc-8def-0123456789ab", status: .failed, statusDetails: "Failed", responseCode: 2,
            startedAt: Self.when, finishedAt: Self.when.addingTimeInterval(3),
            steps: [StepReport(name: "runShellScript", status: .failed, statusDetails: "Failed", responseCode: 2,
                               startedAt: Self.when, finishedAt: Self.when.addingTimeInterval(3),
                               stdout: "out\n", stderr: "boom: \"quoted\" é\n")])
        let result = AgentMessage(type: .result, id: "m-3", commandId: report.commandId, report: report)
        let decodedResult = try AgentMessage.decode(try result.encoded())
        #expect(decodedResult.type == .result)
        #expect(decodedResult.report == report)

        let ack = try AgentMessage.decode(try AgentMessage(type: .ack, id: "m-4", ackId: "m-3").encoded())
        #expect(ack.type == .ack)
        #expect(ack.ackId == "m-3")
    }

    @Test func everyKindRoundTrips() throws {
        let kinds: [AgentMessage.Kind] = [.challenge, .login, .welcome, .run, .started, .result, .cancel, .ack, .heartbeat]
        for kind in kinds {
            #expect(try AgentMessage.decode(try AgentMessage(type: kind, id: "x").encoded()).type == kind)
        }
    }

    @Test func defaultIdIsAFreshUUID() {
        let first = AgentMessage(type: .heartbeat)
        let second = AgentMessage(type: .heartbeat)
        #expect(Identifiers.isUUID(first.id))
        #expect(first.id != second.id)
    }

    @Test func wireFieldNames() throws {
        let text = try AgentMessage(type: .ack, id: "m-5", ackId: "m-4").encoded()
        #expect(text == #"{"ackId":"m-4","id":"m-5","type":"ack"}"#)
    }

    @Test func unknownKindIsASerializationError() throws {
        let error = #expect(throws: PortlessError.self) { try AgentMessage.decode(#"{"type": "explode", "id": "x"}"#) }
        #expect(error?.code == .serialization)
        #expect(error?.field == "type")
    }

    @Test func missingIdIsNamed() throws {
        let error = #expect(throws: PortlessError.self) { try AgentMessage.decode(#"{"type": "ack"}"#) }
        #expect(error?.code == .serialization)
        #expect(error?.field == "id")
    }

    @Test func loginProofBindsNonceAndNode() {
        #expect(LoginProof.message(nonce: "abc", instanceId: "mi-0123456789abcdef0")
            == Array("portless-agent-login/v1\nabc\nmi-0123456789abcdef0".utf8))
        #expect(LoginProof.message(nonce: "abc", instanceId: "mi-0123456789abcdef0")
            != LoginProof.message(nonce: "abd", instanceId: "mi-0123456789abcdef0"))
    }
}
