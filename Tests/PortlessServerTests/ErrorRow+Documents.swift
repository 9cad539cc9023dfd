import Foundation

extension ErrorRow {
    /// Document content (CreateDocument) and SendCommand parameter errors. AWS's texts are quoted from
    /// real AWS output in public issues: `JSON not well-formed. at Line: …` (awslabs/amazon-eks-ami#716),
    /// `Parameter "…" is not declared.` (CrowdStrike/aws-ssm-distributor#66), `Parameter name "…" is
    /// not alpha-numeric.`, `Document schema version is invalid. Value: …`
    /// (hashicorp/terraform-provider-aws#21213), and SSM's parameter validator's `has value … not
    /// matching` / `not found in` texts. Rows marked Portless have no public AWS text.
    static let documents: [ErrorRow] = [
        ErrorRow("CreateDocument with malformed JSON", "InvalidDocumentContent", 400,
                 .exact("JSON not well-formed. at Line: 1, Column: 19"), source: "AWS CLI output, awslabs/amazon-eks-ami#716") { client in
            try await client.createDocument("Doc1", content: #"{"schemaVersion": }"#)
        },
        ErrorRow("CreateDocument with an unknown schema version", "InvalidDocumentContent", 400,
                 .exact("Document schema version is invalid. Value: 3.0"), source: "AWS output, hashicorp/terraform-provider-aws#21213") { client in
            try await client.createDocument("Doc1", content: #"{"schemaVersion": "3.0", "mainSteps": []}"#)
        },
        ErrorRow("CreateDocument with a parameter name that is not alphanumeric", "InvalidDocumentContent", 400,
                 .exact(#"Parameter name "bad_name" is not alpha-numeric."#), source: "AWS CLI output quoted in a public write-up") { client in
            try await client.createDocument("Doc1", content: document(parameters: #"{"bad_name": {"type": "String"}}"#))
        },
        ErrorRow("CreateDocument referring to an undeclared parameter", "InvalidDocumentContent", 400,
                 .exact(#"Parameter "missing" is not declared."#), source: "AWS output, CrowdStrike/aws-ssm-distributor#66") { client in
            try await client.createDocument("Doc1", content: document(parameters: "{}", command: "echo {{ missing }}"))
        },
        ErrorRow("CreateDocument with an unknown step property", "InvalidDocumentContent", 400,
                 .pattern(#"'retries' is not a field of a step .*\(field: mainSteps\[0\]\.retries\)"#), source: "Portless (path at fault)") { client in
            try await client.createDocument("Doc1", content: #"{"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "name": "a", "retries": 3, "inputs": {"runCommand": "x"}}]}"#)
        },
        ErrorRow("SendCommand with a value outside allowedPattern", "InvalidParameters", 400,
                 .exact(#"Parameter "executionTimeout" has value "0" not matching "([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)"."#),
                 source: "SSM parameter validator text (StartSession output in public issues)") { client in
            try await client.ssm("SendCommand", #"{"DocumentName": "AWS-RunShellScript", "InstanceIds": ["\#(unknownNode)"], "Parameters": {"commands": ["echo"], "executionTimeout": ["0"]}}"#)
        },
        ErrorRow("SendCommand with a value outside allowedValues", "InvalidParameters", 400,
                 .exact(#"Parameter "mode" has value "slow" not found in [fast, safe]."#),
                 source: "SSM parameter validator text (CrowdStrike/aws-ssm-distributor#100)") { client in
            try await client.createDocument("Modes", content: document(parameters: #"{"mode": {"type": "String", "allowedValues": ["fast", "safe"]}}"#))
            return try await client.ssm("SendCommand", #"{"DocumentName": "Modes", "InstanceIds": ["\#(unknownNode)"], "Parameters": {"mode": ["slow"]}}"#)
        },
        ErrorRow("SendCommand with an Integer that is not a number", "InvalidParameters", 400,
                 .exact("Parameter 'count' is an Integer and takes exactly one whole number. (field: Parameters.count)"),
                 source: "Portless (no public AWS text)") { client in
            try await client.createDocument("Counts", content: document(parameters: #"{"count": {"type": "Integer"}}"#))
            return try await client.ssm("SendCommand", #"{"DocumentName": "Counts", "InstanceIds": ["\#(unknownNode)"], "Parameters": {"count": ["five"]}}"#)
        },
    ]

    /// A one-step document declaring `parameters`.
    private static func document(parameters: String, command: String = "echo hi") -> String {
        #"{"schemaVersion": "2.2", "parameters": "# + parameters
            + #", "mainSteps": [{"action": "aws:runShellScript", "name": "run", "inputs": {"runCommand": [""# + command + #""]}}]}"#
    }
}
