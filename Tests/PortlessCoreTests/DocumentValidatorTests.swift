import Foundation
@testable import PortlessCore
import Testing

// Command document validation at CreateDocument/UpdateDocument, and YAML <-> JSON conversion.

private func document(parameters: String = "{}", steps: String) -> String {
    #"{"schemaVersion": "2.2", "description": "d", "parameters": \#(parameters), "mainSteps": \#(steps)}"#
}

private let shellStep = #"[{"action": "aws:runShellScript", "name": "run", "inputs": {"runCommand": ["echo hi"]}}]"#

private func failure(_ content: String, format: DocumentFormat = .json) -> PortlessError? {
    do {
        _ = try DocumentValidator.validate(content, format: format)
        return nil
    } catch let error as PortlessError {
        return error
    } catch {
        return PortlessError(.internalServerError, "\(error)")
    }
}

@Suite("DocumentValidator")
struct DocumentValidatorTests {
    @Test func acceptsAMinimalDocument() throws {
        let validated = try DocumentValidator.validate(document(steps: shellStep), format: .json)
        #expect(validated.document.mainSteps.map(\.name) == ["run"])
        #expect(validated.platformTypes == ["Linux", "MacOS"])
    }

    @Test func acceptsTheBuiltinDocument() throws {
        let validated = try DocumentValidator.validate(BuiltinDocuments.runShellScriptContent, format: .json)
        #expect(validated.document.mainSteps.first?.name == "aws:runShellScript")
    }

    @Test(arguments: [
        (#"{"mainSteps": []}"#, "InvalidDocumentContent", "schemaVersion"),
        (#"{"schemaVersion": "1.2", "mainSteps": []}"#, "InvalidDocumentSchemaVersion", "schemaVersion"),
        (#"{"schemaVersion": "2.2"}"#, "InvalidDocumentContent", "mainSteps"),
        (#"{"schemaVersion": "2.2", "mainSteps": []}"#, "InvalidDocumentContent", "mainSteps"),
        (#"{"schemaVersion": "2.2", "mainSteps": {}}"#, "InvalidDocumentContent", "mainSteps"),
        (#"{"schemaVersion": "2.2", "extra": 1, "mainSteps": []}"#, "InvalidDocumentContent", "extra"),
        ("[1, 2]", "InvalidDocumentContent", "Content"),
        ("{not json", "InvalidDocumentContent", "Content"),
    ])
    func refusesBadTopLevels(content: String, code: String, field: String) {
        let error = failure(content)
        #expect(error?.code.rawValue == code)
        #expect(error?.field == field)
    }

    @Test(arguments: [
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "x"}}, {"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "y"}}]"#, "mainSteps[1].name"),
        (#"[{"action": "aws:runShellScript", "name": "bad name", "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].name"),
        (#"[{"action": "aws:runShellScript", "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].name"),
        (#"[{"action": "aws:runPowerShellScript", "name": "a", "inputs": {"runCommands": "x"}}]"#, "mainSteps[0].action"),
        (#"[{"name": "a", "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].action"),
        (#"[{"action": "aws:runShellScript", "name": "a"}]"#, "mainSteps[0].inputs"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {}}]"#, "mainSteps[0].inputs.runCommand"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": [1]}}]"#, "mainSteps[0].inputs.runCommand"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "x", "bogus": 1}}]"#, "mainSteps[0].inputs.bogus"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "x", "timeoutSeconds": "soon"}}]"#, "mainSteps[0].inputs.timeoutSeconds"),
        (#"[{"action": "aws:downloadContent", "name": "a", "inputs": {"sourceInfo": {}}}]"#, "mainSteps[0].inputs.sourceType"),
        (#"[{"action": "aws:downloadContent", "name": "a", "inputs": {"sourceType": "FTP", "sourceInfo": {}}}]"#, "mainSteps[0].inputs.sourceType"),
        (#"[{"action": "aws:downloadContent", "name": "a", "inputs": {"sourceType": "HTTP"}}]"#, "mainSteps[0].inputs.sourceInfo"),
        (#"[{"action": "aws:runDocument", "name": "a", "inputs": {"documentType": "SSMDocument"}}]"#, "mainSteps[0].inputs.documentPath"),
        (#"[{"action": "aws:runDocument", "name": "a", "inputs": {"documentPath": "x"}}]"#, "mainSteps[0].inputs.documentType"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "x", "onFailure": "retry"}}]"#, "mainSteps[0].inputs.onFailure"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "x", "onSuccess": "successAndExit"}}]"#, "mainSteps[0].inputs.onSuccess"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": "x", "finallyStep": true}}, {"action": "aws:runShellScript", "name": "b", "inputs": {"runCommand": "y"}}]"#, "mainSteps[0].inputs.finallyStep"),
        (#"[{"action": "aws:runShellScript", "name": "a", "precondition": {"StringLike": ["platformType", "Linux"]}, "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].precondition.StringLike"),
        (#"[{"action": "aws:runShellScript", "name": "a", "precondition": {"StringEquals": ["platformType"]}, "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].precondition.StringEquals"),
        (#"[{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": ["echo {{ missing }}"]}}]"#, "mainSteps[0].inputs.runCommand[0]"),
        (#"[{"action": "aws:runShellScript", "name": "a", "maxAttempts": "3", "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].maxAttempts"),
        (#"[{"action": "aws:runShellScript", "name": "a", "maxAttempts": -1, "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].maxAttempts"),
        (#"[{"action": "aws:runShellScript", "name": "a", "timeoutSeconds": 1.5, "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].timeoutSeconds"),
        (#"[{"action": "aws:runShellScript", "name": "a", "onFailure": true, "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].onFailure"),
        (#"[{"action": "aws:runShellScript", "name": "a", "settings": "x", "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].settings"),
        (#"[{"action": "aws:runShellScript", "name": "a", "retries": 3, "inputs": {"runCommand": "x"}}]"#, "mainSteps[0].retries"),
    ])
    func refusesBadSteps(steps: String, field: String) {
        let error = failure(document(steps: steps))
        #expect(error?.code == .invalidDocumentContent)
        #expect(error?.field == field)
    }

    @Test func acceptsEveryStepPropertyOfTheAgentsModel() throws {
        let steps = #"""
        [{"action": "aws:runShellScript", "name": "a", "maxAttempts": 3, "onFailure": "Abort", "timeoutSeconds": 600,
          "settings": {"anything": [1, "two"]}, "description": "first", "precondition": {"StringEquals": ["platformType", "Linux"]},
          "inputs": {"runCommand": ["true"]}}]
        """#
        let validated = try DocumentValidator.validate(document(steps: steps), format: .json)
        #expect(validated.document.mainSteps.map(\.name) == ["a"])
    }

    @Test func acceptsEveryParameterType() throws {
        let parameters = #"""
        {"s": {"type": "String", "default": "x"}, "l": {"type": "StringList", "default": ["a", "b"]},
         "i": {"type": "Integer", "default": 5}, "i2": {"type": "Integer", "default": "-7"},
         "b": {"type": "Boolean", "default": true}, "b2": {"type": "Boolean", "default": "false"},
         "m": {"type": "StringMap", "default": {"k": "v"}}, "ml": {"type": "MapList", "default": [{"k": "v"}], "maxItems": 2}}
        """#
        let validated = try DocumentValidator.validate(document(parameters: parameters, steps: shellStep), format: .json)
        let declared = validated.document.parameters
        #expect(declared["i"]?.defaultValues == ["5"])
        #expect(declared["i2"]?.defaultValues == ["-7"])
        #expect(declared["b"]?.defaultValues == ["true"])
        #expect(declared["b2"]?.defaultValues == ["false"])
        #expect(declared["m"]?.defaultValues == [#"{"k":"v"}"#])
        #expect(declared["ml"]?.defaultValues == [#"[{"k":"v"}]"#])
    }

    @Test func acceptsControlFlowAndReferences() throws {
        let steps = #"""
        [{"action": "aws:runShellScript", "name": "first", "precondition": {"StringEquals": ["platformType", "Linux"]},
          "inputs": {"runCommand": ["echo {{ who }} {{ssm:/app/x}}"], "onFailure": "successAndExit", "onSuccess": "exit", "timeoutSeconds": 60}},
         {"action": "aws:downloadContent", "name": "get", "inputs": {"sourceType": "HTTP", "sourceInfo": {"url": "https://x"}}},
         {"action": "aws:runDocument", "name": "nested", "inputs": {"documentType": "LocalPath", "documentPath": "doc.json"}},
         {"action": "aws:runShellScript", "name": "last", "inputs": {"runCommand": "true", "finallyStep": true}}]
        """#
        let validated = try DocumentValidator.validate(document(parameters: #"{"who": {"type": "String", "default": "me"}}"#, steps: steps), format: .json)
        #expect(validated.platformTypes == ["Windows", "Linux", "MacOS"])
    }

    @Test(arguments: [
        (#"{"bad-name": {"type": "String"}}"#, "parameters.bad-name"),
        (#"{"p": {"type": "Float"}}"#, "parameters.p.type"),
        (#"{"p": {"type": "Integer", "default": 1.5}}"#, "parameters.p.default"),
        (#"{"p": {"type": "Integer", "default": "five"}}"#, "parameters.p.default"),
        (#"{"p": {"type": "Boolean", "default": "yes"}}"#, "parameters.p.default"),
        (#"{"p": {"type": "Boolean", "default": 1}}"#, "parameters.p.default"),
        (#"{"p": {"type": "StringMap", "default": ["a"]}}"#, "parameters.p.default"),
        (#"{"p": {"type": "StringMap", "default": "not json"}}"#, "parameters.p.default"),
        (#"{"p": {"type": "MapList", "default": [{"a": "b"}, "c"]}}"#, "parameters.p.default"),
        (#"{"p": {"type": "MapList", "default": [{"a": "b"}, {"c": "d"}], "maxItems": 1}}"#, "parameters.p.default"),
        (#"{"p": {"type": "Integer", "default": 7, "allowedValues": ["1", "2"]}}"#, "parameters.p.default"),
        (#"{"p": {}}"#, "parameters.p.type"),
        (#"{"p": {"type": "String", "allowedPattern": "(["}}"#, "parameters.p.allowedPattern"),
        (#"{"p": {"type": "String", "default": "abc", "allowedPattern": "^[0-9]+$"}}"#, "parameters.p.default"),
        (#"{"p": {"type": "String", "default": "c", "allowedValues": ["a", "b"]}}"#, "parameters.p.default"),
        (#"{"p": {"type": "String", "default": "toolong", "maxChars": 3}}"#, "parameters.p.default"),
        (#"{"p": {"type": "StringList", "default": ["a"], "minItems": 2}}"#, "parameters.p.default"),
        (#"{"p": {"type": "StringList", "default": "a"}}"#, "parameters.p.default"),
        (#"{"p": {"type": "String", "default": ["a"]}}"#, "parameters.p.default"),
        (#"{"p": {"type": "String", "maxChars": -1}}"#, "parameters.p.maxChars"),
        (#"{"p": {"type": "String", "interpolationType": "RAW"}}"#, "parameters.p.interpolationType"),
        (#"{"p": {"type": "String", "unknown": 1}}"#, "parameters.p.unknown"),
    ])
    func refusesBadParameters(parameters: String, field: String) {
        let error = failure(document(parameters: parameters, steps: shellStep))
        #expect(error?.code == .invalidDocumentContent)
        #expect(error?.field == field)
    }

    @Test func refusesOversizedContent() {
        let big = document(steps: shellStep) + String(repeating: " ", count: DocumentContent.maxBytes)
        #expect(failure(big)?.code == .maxDocumentSizeExceeded)
    }

    @Test func documentNames() {
        #expect(DocumentNameRules.isValidName("My_doc-1.0"))
        #expect(!DocumentNameRules.isValidName("ab"))
        #expect(!DocumentNameRules.isValidName("has space"))
        #expect(!DocumentNameRules.isValidName(String(repeating: "a", count: 129)))
        for reserved in ["AWS-Mine", "aws-mine", "AmazonThing", "amzn-x"] {
            #expect(throws: PortlessError.self) { try DocumentNameRules.checkNewName(reserved) }
        }
        #expect(DocumentNameRules.isValidVersionName("1.0.2"))
        #expect(!DocumentNameRules.isValidVersionName("v 1"))
    }
}

@Suite("DocumentValidator YAML")
struct DocumentYAMLTests {
    @Test func quotedScalarsStayStrings() throws {
        let yaml = """
        schemaVersion: '2.2'
        description: "1.5"
        parameters:
          mode:
            type: String
            default: '0644'
          flag:
            type: String
            default: "true"
        mainSteps:
          - action: aws:runShellScript
            name: run
            inputs:
              timeoutSeconds: 60
              runCommand:
                - chmod {{ mode }} /tmp/x
                - 'yes'
                - on
                - 0755
        """
        let tree = try DocumentContent.parse(yaml, format: .yaml)
        #expect(tree["schemaVersion"] == .string("2.2"))
        #expect(tree["description"] == .string("1.5"))
        #expect(tree["parameters"]?["mode"]?["default"] == .string("0644"))
        #expect(tree["parameters"]?["flag"]?["default"] == .string("true"))
        let inputs = tree["mainSteps"]?.arrayValue?.first?["inputs"]
        #expect(inputs?["timeoutSeconds"] == .number(60))
        #expect(inputs?["runCommand"] == .array([.string("chmod {{ mode }} /tmp/x"), .string("yes"), .string("on"), .string("0755")]))
        _ = try DocumentValidator.validate(yaml, format: .yaml)
    }

    @Test func unquotedSchemaVersionIsNormalized() throws {
        let validated = try DocumentValidator.validate("schemaVersion: 2.2\nmainSteps:\n- action: aws:runShellScript\n  name: a\n  inputs: {runCommand: x}\n", format: .yaml)
        #expect(validated.content["schemaVersion"] == .string("2.2"))
    }

    @Test func plainScalarTypes() throws {
        let tree = try DocumentContent.parse("a: null\nb: true\nc: -1.5e2\nd: 2020-01-01\ne: ~\nf: 0x1F\ng: 'null'\n", format: .yaml)
        #expect(tree["a"] == .null)
        #expect(tree["b"] == .bool(true))
        #expect(tree["c"] == .number(-150))
        #expect(tree["d"] == .string("2020-01-01"))
        #expect(tree["e"] == .null)
        #expect(tree["f"] == .string("0x1F"))
        #expect(tree["g"] == .string("null"))
    }

    @Test func badYAMLIsInvalidContent() {
        #expect(failure("a: [1, 2\n", format: .yaml)?.code == .invalidDocumentContent)
        #expect(failure("- just\n- a list\n", format: .yaml)?.code == .invalidDocumentContent)
        #expect(failure("a: 1\na: 2\n", format: .yaml)?.code == .invalidDocumentContent)
    }

    @Test func roundTripsThroughBothFormats() throws {
        let original: JSONValue = .object([
            "schemaVersion": .string("2.2"),
            "mode": .string("0644"),
            "yes": .string("yes"),
            "on": .string("on"),
            "empty": .string(""),
            "nullText": .string("null"),
            "number": .number(60),
            "fraction": .number(2.5),
            "flag": .bool(false),
            "nothing": .null,
            "script": .string("#!/bin/sh\necho 'a: b'\nexit 0\n"),
            "list": .array([.string("1"), .string("a: b"), .string("- x"), .string("{{ p }}")]),
        ])
        let yaml = try DocumentContent.render(original, as: .yaml)
        #expect(try DocumentContent.parse(yaml, format: .yaml) == original)
        let json = try DocumentContent.render(original, as: .json)
        #expect(try DocumentContent.parse(json, format: .json) == original)
        #expect(json.contains("\"number\" : 60"))
    }

    @Test func hashIsHexSHA256() {
        #expect(DocumentContent.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
