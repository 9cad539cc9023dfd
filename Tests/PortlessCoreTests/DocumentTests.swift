import Foundation
@testable import PortlessCore
import Testing

// Command documents (schema 2.2): parsing, the built-in AWS-RunShellScript, parameter
// validation (SendCommand's `InvalidParameters`) and planning.

/// A small valid schema 2.2 document with one String and one StringList parameter.
private let sampleDocument = """
{
  "schemaVersion": "2.2",
  "description": "Sample.",
  "parameters": {
    "greeting": { "type": "String", "default": "hello", "allowedValues": ["hello", "bye"] },
    "names": { "type": "StringList", "minItems": 1, "maxItems": 3 }
  },
  "mainSteps": [
    {
      "action": "aws:runShellScript",
      "name": "greet",
      "inputs": { "runCommand": ["echo {{ greeting }}", "{{ names }}"], "timeoutSeconds": 60 }
    },
    {
      "precondition": { "StringEquals": ["platformType", "Linux"] },
      "action": "aws:runShellScript",
      "name": "second",
      "inputs": { "runCommand": ["true"] }
    }
  ]
}
"""

/// A document declaring only `parameters`, with one trivial step.
private func document(parameters: String) throws -> CommandDocument {
    try parseDocument( """
    {
      "schemaVersion": "2.2",
      "parameters": \(parameters),
      "mainSteps": [ { "action": "aws:runShellScript", "name": "run", "inputs": { "runCommand": ["true"] } } ]
    }
    """)
}

/// Validates JSON document content and returns the typed document.
private func parseDocument(_ json: String) throws -> CommandDocument {
    try DocumentValidator.validate(json, format: .json).document
}

/// Resolved parameters in SendCommand's form.
private func resolvedValues(_ given: [String: [String]], for document: CommandDocument) throws -> [String: [String]] {
    try ParameterValidator.resolve(given, for: document).mapValues(\.values)
}

private func runShellScript() throws -> CommandDocument {
    try parseDocument( BuiltinDocuments.runShellScriptContent)
}

@Suite("Parsed documents")
struct ParsedDocumentTests {
    @Test func parsesValidDocument() throws {
        let document = try parseDocument(sampleDocument)
        #expect(document.schemaVersion == "2.2")
        #expect(document.description == "Sample.")
        #expect(document.parameters.count == 2)
        #expect(document.parameters["greeting"]?.type == .string)
        #expect(document.parameters["greeting"]?.defaultValues == ["hello"])
        #expect(document.parameters["greeting"]?.allowedValues == ["hello", "bye"])
        #expect(document.parameters["names"]?.type == .stringList)
        #expect(document.parameters["names"]?.minItems == 1)
        #expect(document.parameters["names"]?.maxItems == 3)
        #expect(document.parameters["names"]?.defaultValues == nil)
        #expect(document.mainSteps.map(\.name) == ["greet", "second"])
        #expect(document.mainSteps.map(\.action) == ["aws:runShellScript", "aws:runShellScript"])
        #expect(document.mainSteps[0].precondition == nil)
        #expect(document.mainSteps[1].precondition == .object(["StringEquals": .array([.string("platformType"), .string("Linux")])]))
        #expect(document.mainSteps[0].inputs["runCommand"] == .array([.string("echo {{ greeting }}"), .string("{{ names }}")]))
        #expect(document.mainSteps[0].inputs["timeoutSeconds"] == .number(60))
    }

    @Test func parametersAreOptional() throws {
        let document = try parseDocument("""
        {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "true"}}]}
        """)
        #expect(document.parameters.isEmpty)
        #expect(document.description == nil)
    }
}

@Suite("BuiltinDocuments")
struct BuiltinDocumentsTests {
    @Test func runShellScriptIsLookedUpByName() {
        #expect(BuiltinDocuments.runShellScriptName == "AWS-RunShellScript")
        #expect(BuiltinDocuments.content(named: "AWS-RunShellScript", endpoint: "http://127.0.0.1:8580") == BuiltinDocuments.runShellScriptContent)
        #expect(BuiltinDocuments.content(named: "aws-runshellscript", endpoint: "http://127.0.0.1:8580") == nil)
        #expect(BuiltinDocuments.content(named: "AWS-RunPowerShellScript", endpoint: "http://127.0.0.1:8580") == nil)
    }

    @Test func runShellScriptParses() throws {
        let document = try runShellScript()
        #expect(document.schemaVersion == "2.2")
        #expect(Set(document.parameters.keys) == ["commands", "workingDirectory", "executionTimeout"])
        #expect(document.mainSteps.count == 1)
        let step = try #require(document.mainSteps.first)
        #expect(step.action == "aws:runShellScript")
        #expect(step.name == "aws:runShellScript")
        #expect(step.inputs["runCommand"] == .string("{{ commands }}"))
        #expect(step.inputs["workingDirectory"] == .string("{{ workingDirectory }}"))
        #expect(step.inputs["timeoutSeconds"] == .string("{{ executionTimeout }}"))
        #expect(step.precondition == .object(["StringEquals": .array([.string("platformType"), .string("Linux")])]))
    }

    @Test func runShellScriptParameters() throws {
        let parameters = try runShellScript().parameters
        let commands = try #require(parameters["commands"])
        #expect(commands.type == .stringList)
        #expect(commands.minItems == 1)
        #expect(commands.defaultValues == nil)

        let workingDirectory = try #require(parameters["workingDirectory"])
        #expect(workingDirectory.type == .string)
        #expect(workingDirectory.defaultValues == [""])
        #expect(workingDirectory.maxChars == 4096)

        let executionTimeout = try #require(parameters["executionTimeout"])
        #expect(executionTimeout.type == .string)
        #expect(executionTimeout.defaultValues == ["3600"])
        #expect(executionTimeout.allowedPattern != nil)
    }
}

@Suite("ParameterValidator")
struct ParameterValidatorTests {
    @Test func unknownParameterIsRefusedByName() throws {
        let document = try runShellScript()
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["commands": ["ls"], "bogus": ["x"]], for: document)
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.bogus")
    }

    @Test func parameterNamesAreCaseSensitive() throws {
        let document = try runShellScript()
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["Commands": ["ls"]], for: document)
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.Commands")
    }

    @Test func missingRequiredParameterIsRefused() throws {
        let document = try runShellScript()
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["workingDirectory": ["/tmp"]], for: document)
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.commands")
    }

    @Test func defaultsAreApplied() throws {
        let resolved = try resolvedValues(["commands": ["echo hi", "date"]], for: try runShellScript())
        #expect(resolved == [
            "commands": ["echo hi", "date"],
            "workingDirectory": [""],
            "executionTimeout": ["3600"],
        ])
    }

    @Test func givenValuesOverrideDefaults() throws {
        let resolved = try resolvedValues(
            ["commands": ["ls"], "workingDirectory": ["/var"], "executionTimeout": ["60"]], for: try runShellScript())
        #expect(resolved["workingDirectory"] == ["/var"])
        #expect(resolved["executionTimeout"] == ["60"])
    }

    @Test func listDefaultsAndNonStringDefaults() throws {
        let document = try document(parameters: """
        {"list": {"type": "StringList", "default": ["a", "b"]}, "n": {"type": "String", "default": 5}}
        """)
        let resolved = try resolvedValues([:], for: document)
        #expect(resolved["list"] == ["a", "b"])
        #expect(resolved["n"] == ["5"])
    }

    @Test(arguments: [[String](), ["1", "2"]])
    func stringTakesExactlyOneValue(_ values: [String]) throws {
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["commands": ["ls"], "executionTimeout": values], for: try runShellScript())
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.executionTimeout")
    }

    @Test func minItemsIsEnforced() throws {
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["commands": []], for: try runShellScript())
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.commands")
    }

    @Test func maxItemsIsEnforced() throws {
        let document = try parseDocument( sampleDocument)
        #expect(try resolvedValues(["names": ["a", "b", "c"]], for: document)["names"] == ["a", "b", "c"])
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["names": ["a", "b", "c", "d"]], for: document)
        }
        #expect(error?.field == "Parameters.names")
    }

    @Test func listWithoutLimitsMayBeEmpty() throws {
        let document = try document(parameters: #"{"list": {"type": "StringList"}}"#)
        #expect(try resolvedValues(["list": []], for: document) == ["list": []])
    }

    @Test func charLimitsAreEnforcedPerValue() throws {
        let document = try document(parameters: #"{"tags": {"type": "StringList", "minChars": 2, "maxChars": 4}}"#)
        #expect(try resolvedValues(["tags": ["ab", "abcd"]], for: document)["tags"] == ["ab", "abcd"])
        for bad in [["ab", "a"], ["abcde"], [""]] {
            let error = #expect(throws: PortlessError.self) { try resolvedValues(["tags": bad], for: document) }
            #expect(error?.code == .invalidParameters)
            #expect(error?.field == "Parameters.tags")
        }
    }

    @Test func workingDirectoryMaxChars() throws {
        let document = try runShellScript()
        let longest = String(repeating: "d", count: 4096)
        #expect(try resolvedValues(["commands": ["ls"], "workingDirectory": [longest]], for: document)["workingDirectory"] == [longest])
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["commands": ["ls"], "workingDirectory": [longest + "d"]], for: document)
        }
        #expect(error?.field == "Parameters.workingDirectory")
    }

    @Test func allowedValuesIsEnforced() throws {
        let document = try parseDocument( sampleDocument)
        #expect(try resolvedValues(["greeting": ["bye"], "names": ["x"]], for: document)["greeting"] == ["bye"])
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["greeting": ["Bye"], "names": ["x"]], for: document)
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.greeting")
    }

    @Test func defaultsAreValidatedToo() throws {
        let error = #expect(throws: PortlessError.self) {
            try document(parameters: #"{"p": {"type": "String", "default": "zzz", "allowedValues": ["a"]}}"#)
        }
        #expect(error?.code == .invalidDocumentContent)
        #expect(error?.field == "parameters.p.default")
    }

    @Test(arguments: ["1", "5", "9", "10", "60", "3600", "99999", "100000", "123456", "169999",
                      "170000", "171999", "172000", "172799", "172800"])
    func executionTimeoutAcceptsOneTo172800(_ value: String) throws {
        let resolved = try resolvedValues(["commands": ["ls"], "executionTimeout": [value]], for: try runShellScript())
        #expect(resolved["executionTimeout"] == [value])
    }

    @Test(arguments: ["0", "00", "01", "-1", "172801", "172900", "173000", "180000", "200000", "999999", "1000000",
                      "abc", "", " 60", "60 ", "6 0", "1e3", "3600; rm -rf /", "\n3600", "36\n00"])
    func executionTimeoutRefusesOthers(_ value: String) throws {
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["commands": ["ls"], "executionTimeout": [value]], for: try runShellScript())
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.executionTimeout")
    }

    @Test func patternMustMatchWholeValue() throws {
        let document = try document(parameters: #"{"name": {"type": "String", "allowedPattern": "[a-z]+"}}"#)
        #expect(try resolvedValues(["name": ["abc"]], for: document)["name"] == ["abc"])
        for bad in ["abc1", "1abc", "ab c", "ABC", ""] {
            #expect(throws: PortlessError.self) { try resolvedValues(["name": [bad]], for: document) }
        }
    }

    @Test func patternAlternationIsAnchoredAsAWhole() throws {
        // Without grouping, ^a|b$ would accept "ax" and "xb".
        let document = try document(parameters: #"{"p": {"type": "String", "allowedPattern": "a|b"}}"#)
        #expect(try resolvedValues(["p": ["b"]], for: document)["p"] == ["b"])
        for bad in ["ax", "xb", "ab"] {
            #expect(throws: PortlessError.self) { try resolvedValues(["p": [bad]], for: document) }
        }
    }

    @Test func patternIsCheckedForEveryListItem() throws {
        let document = try document(parameters: #"{"p": {"type": "StringList", "allowedPattern": "[0-9]+"}}"#)
        #expect(try resolvedValues(["p": ["1", "22"]], for: document)["p"] == ["1", "22"])
        let error = #expect(throws: PortlessError.self) { try resolvedValues(["p": ["1", "x"]], for: document) }
        #expect(error?.field == "Parameters.p")
    }

    @Test func overLongValueIsRefusedBeforeMatching() throws {
        let document = try document(parameters: #"{"p": {"type": "String", "allowedPattern": ".*"}}"#)
        let longest = String(repeating: "a", count: ParameterValidator.maxPatternInput)
        #expect(try resolvedValues(["p": [longest]], for: document)["p"] == [longest])
        let error = #expect(throws: PortlessError.self) {
            try resolvedValues(["p": [longest + "a"]], for: document)
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.p")
    }
}

@Suite("CommandPlanner")
struct CommandPlannerTests {
    @Test func plansRunShellScript() throws {
        let plan = try CommandPlanner.plan(try runShellScript(), parameters: ["commands": ["echo a", "echo b"]])
        #expect(plan.parameters == ["commands": ["echo a", "echo b"], "workingDirectory": [""], "executionTimeout": ["3600"]])
        #expect(plan.steps.count == 1)
        let step = try #require(plan.steps.first)
        #expect(step.name == "aws:runShellScript")
        #expect(step.pluginName == "aws:runShellScript")
        #expect(step.action == "aws:runShellScript")
        #expect(step.inputs["runCommand"] == .array([.string("echo a"), .string("echo b")]))
        #expect(step.inputs["workingDirectory"] == .string(""))
        #expect(step.inputs["timeoutSeconds"] == .string("3600"))
        #expect(step.inputs["id"] == .string("0.aws:runShellScript"))
        #expect(step.precondition == .object(["StringEquals": .array([.string("platformType"), .string("Linux")])]))
    }

    @Test func environmentHasSSMVariablePerParameter() throws {
        let plan = try CommandPlanner.plan(try runShellScript(),
                                           parameters: ["commands": ["ls"], "workingDirectory": ["/srv/app"]])
        #expect(Set(plan.environment.keys) == ["SSM_commands", "SSM_workingDirectory", "SSM_executionTimeout"])
        #expect(plan.environment["SSM_workingDirectory"] == "/srv/app")
        #expect(plan.environment["SSM_executionTimeout"] == "3600")
        #expect(plan.environment["SSM_commands"] == "ls")
    }

    @Test func preconditionIsInterpolated() throws {
        let document = try parseDocument( """
        {"schemaVersion": "2.2",
         "parameters": {"platform": {"type": "String", "default": "Linux"}},
         "mainSteps": [{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": ["true"]},
                        "precondition": {"StringEquals": ["platformType", "{{ platform }}"]}}]}
        """)
        let plan = try CommandPlanner.plan(document, parameters: ["platform": ["Windows"]])
        #expect(plan.steps.first?.precondition == .object(["StringEquals": .array([.string("platformType"), .string("Windows")])]))
    }

    @Test func invalidParametersStopPlanning() throws {
        let error = #expect(throws: PortlessError.self) {
            try CommandPlanner.plan(try runShellScript(), parameters: ["commands": ["ls"], "executionTimeout": ["0"]])
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.field == "Parameters.executionTimeout")
    }
}

@Suite("Document rules that guard against hostile input")
struct DocumentGuardTests {
    private func document(parameters: String) -> String {
        """
        {"schemaVersion": "2.2", "parameters": \(parameters),
         "mainSteps": [{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": ["true"]}}]}
        """
    }

    @Test func allowedPatternMustMatchTheWholeValueIncludingNoTrailingNewline() throws {
        let parsed = try parseDocument(document(parameters: #"{"p": {"type": "String", "allowedPattern": "[a-z]+"}}"#))
        #expect(try resolvedValues(["p": ["abc"]], for: parsed)["p"] == ["abc"])
        #expect(throws: PortlessError.self) { try resolvedValues(["p": ["abc\n"]], for: parsed) }
        #expect(throws: PortlessError.self) { try resolvedValues(["p": ["abc\nrm -rf /"]], for: parsed) }
    }

    @Test func aPatternThatDoesNotCompileIsAnInvalidDocument() {
        let error = #expect(throws: PortlessError.self) {
            try parseDocument(document(parameters: #"{"p": {"type": "String", "allowedPattern": "(unclosed"}}"#))
        }
        #expect(error?.code == .invalidDocumentContent)
        #expect(error?.field == "parameters.p.allowedPattern")
    }

    @Test(arguments: ["bad name", "semi;colon", "under_score", ""])
    func parameterNamesMustBeAlphanumeric(name: String) {
        let error = #expect(throws: PortlessError.self) {
            try parseDocument(document(parameters: "{\"\(name)\": {\"type\": \"String\"}}"))
        }
        #expect(error?.code == .invalidDocumentContent)
    }
}
