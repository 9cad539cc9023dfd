import Foundation
@testable import PortlessCore
import Testing

// The six parameter types at SendCommand: which values each takes (given as strings, defaults as
// strings or JSON values), the constraints that apply to it, and how it reaches a script — spliced
// into text as SSM's agent splices it, whole where a string is exactly one reference, and as
// `SSM_<name>`.

private let typedDocument = #"""
{"schemaVersion": "2.2",
 "parameters": {
   "count": {"type": "Integer", "default": 3},
   "verbose": {"type": "Boolean", "default": "false"},
   "labels": {"type": "StringMap", "default": {"env": "prod"}},
   "targets": {"type": "MapList", "default": [{"host": "a"}], "maxItems": 2},
   "names": {"type": "StringList", "default": ["x", "y"]},
   "mode": {"type": "String", "default": "fast"}
 },
 "mainSteps": [{"action": "aws:runShellScript", "name": "run",
   "inputs": {"runCommand": ["echo {{ count }} {{ verbose }} {{ labels }} {{ targets }} {{ names }} {{ mode }}", "{{ names }}"],
              "timeoutSeconds": "{{ count }}", "environment": {"FLAG": "{{verbose}}"}}}]}
"""#

private func plan(_ parameters: [String: [String]] = [:], document content: String = typedDocument) throws -> CommandPlan {
    try CommandPlanner.plan(DocumentValidator.validate(content, format: .json).document, parameters: parameters)
}

private func refusal(_ parameters: [String: [String]], document content: String = typedDocument) -> PortlessError? {
    #expect(throws: PortlessError.self) { try plan(parameters, document: content) }
}

private func declaring(_ declaration: String) -> String {
    #"{"schemaVersion": "2.2", "parameters": {"p": "# + declaration
        + #"}, "mainSteps": [{"action": "aws:runShellScript", "name": "run", "inputs": {"runCommand": "echo {{ p }}"}}]}"#
}

@Suite("Parameter types")
struct ParameterTypeTests {
    @Test func defaultsOfEveryTypeReachTheScript() throws {
        let planned = try plan()
        let inputs = try #require(planned.steps.first?.inputs)
        #expect(inputs["runCommand"] == .array([
            .string(#"echo 3 false {"env":"prod"} [{"host":"a"}] ["x","y"] fast"#), .string("x"), .string("y"),
        ]))
        #expect(inputs["timeoutSeconds"] == .number(3))
        #expect(inputs["environment"] == .object(["FLAG": .bool(false)]))
        #expect(planned.parameters == [
            "count": ["3"], "verbose": ["false"], "labels": [#"{"env":"prod"}"#], "targets": [#"[{"host":"a"}]"#],
            "names": ["x", "y"], "mode": ["fast"],
        ])
        #expect(planned.environment == [
            "SSM_count": "3", "SSM_verbose": "false", "SSM_labels": #"{"env":"prod"}"#, "SSM_targets": #"[{"host":"a"}]"#,
            "SSM_names": "x\ny", "SSM_mode": "fast",
        ])
    }

    @Test func givenValuesAreTypedAndNormalized() throws {
        let planned = try plan([
            "count": ["-12"], "verbose": ["TRUE"], "labels": [#"{"b": "2", "a": "<1>"}"#],
            "targets": [#"{"host": "a"}"#, #"{"host": "b"}"#],
        ])
        #expect(planned.parameters["count"] == ["-12"])
        #expect(planned.parameters["verbose"] == ["true"])
        #expect(planned.parameters["labels"] == [#"{"a":"\u003c1\u003e","b":"2"}"#])
        #expect(planned.parameters["targets"] == [#"[{"host":"a"},{"host":"b"}]"#])
        #expect(planned.steps.first?.inputs["timeoutSeconds"] == .number(-12))
        #expect(planned.environment["SSM_verbose"] == "true")
    }

    @Test func mapListAlsoTakesOneJSONList() throws {
        let planned = try plan(["targets": [#"[{"host": "a"}, {"host": "b", "port": 22}]"#]])
        #expect(planned.parameters["targets"] == [#"[{"host":"a"},{"host":"b","port":22}]"#])
    }

    @Test(arguments: [
        ("count", ["1.5"]), ("count", ["five"]), ("count", ["1", "2"]), ("count", []), ("count", [" 1"]),
        ("count", ["99999999999999999999"]),
        ("verbose", ["yes"]), ("verbose", ["1"]), ("verbose", ["true", "false"]),
        ("labels", ["[1]"]), ("labels", ["not json"]), ("labels", ["{}", "{}"]),
        ("targets", [#"{"host": "a"}"#, "x"]), ("targets", ["[1, 2]"]), ("targets", ["[{}, {}, {}]"]),
        ("mode", ["a", "b"]),
    ])
    func valuesThatDoNotFitTheTypeAreRefused(name: String, values: [String]) {
        let error = refusal([name: values])
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.\(name)")
    }

    @Test func allowedValuesApplyToEveryType() throws {
        let integer = declaring(#"{"type": "Integer", "allowedValues": ["1", "2"]}"#)
        #expect(try plan(["p": ["2"]], document: integer).parameters["p"] == ["2"])
        #expect(refusal(["p": ["3"]], document: integer)?.field == "Parameters.p")
        let boolean = declaring(#"{"type": "Boolean", "allowedValues": ["true"]}"#)
        #expect(refusal(["p": ["false"]], document: boolean)?.field == "Parameters.p")
        let list = declaring(#"{"type": "StringList", "allowedValues": ["a", "b"]}"#)
        #expect(try plan(["p": ["a", "b", "a"]], document: list).parameters["p"] == ["a", "b", "a"])
        #expect(refusal(["p": ["a", "c"]], document: list)?.field == "Parameters.p")
    }

    @Test func charLimitsApplyToTextNotToNumbersOrBooleans() throws {
        let integer = declaring(#"{"type": "Integer", "maxChars": 1}"#)
        #expect(try plan(["p": ["12345"]], document: integer).parameters["p"] == ["12345"])
        let map = declaring(#"{"type": "StringMap", "maxChars": 9}"#)
        #expect(try plan(["p": [#"{"a":"b"}"#]], document: map).parameters["p"] == [#"{"a":"b"}"#])
        #expect(refusal(["p": [#"{"a":"bc"}"#]], document: map)?.field == "Parameters.p")
        let mapList = declaring(#"{"type": "MapList", "minChars": 10}"#)
        #expect(refusal(["p": [#"[{"a":"b"}]"#]], document: mapList)?.field == "Parameters.p")
    }

    @Test func itemLimitsCountListItems() throws {
        let mapList = declaring(#"{"type": "MapList", "minItems": 2}"#)
        #expect(refusal(["p": [#"[{"a":"b"}]"#]], document: mapList)?.field == "Parameters.p")
        #expect(try plan(["p": [#"{"a":"b"}"#, "{}"]], document: mapList).parameters["p"] == [#"[{"a":"b"},{}]"#])
    }

    @Test func patternsApplyToTheTextForm() throws {
        let integer = declaring(#"{"type": "Integer", "allowedPattern": "^[0-9]{1,3}$"}"#)
        #expect(try plan(["p": ["42"]], document: integer).parameters["p"] == ["42"])
        #expect(refusal(["p": ["-1"]], document: integer)?.field == "Parameters.p")
    }

    @Test func environmentOnlyParametersOfAnyTypeStayOutOfShellText() throws {
        let document = declaring(#"{"type": "Integer", "interpolationType": "ENV_VAR"}"#)
        let planned = try plan(["p": ["7"]], document: document)
        #expect(planned.steps.first?.inputs["runCommand"] == .string("echo ${SSM_p}"))
        #expect(planned.environment["SSM_p"] == "7")
    }

    @Test func agentJSONTextMatchesGoMarshalling() {
        #expect(AgentJSONText.text(.object(["b": .number(1), "a": .array([.bool(true), .null, .number(2.5)])]))
            == #"{"a":[true,null,2.5],"b":1}"#)
        #expect(AgentJSONText.text(.string("<a href=\"x\">&\n\u{1}\u{2028}")) == #""\u003ca href=\"x\"\u003e\u0026\n\u0001\u2028""#)
    }
}
