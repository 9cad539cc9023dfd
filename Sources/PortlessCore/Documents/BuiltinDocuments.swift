/// The documents Portless ships, owned by `Amazon` as SSM's are.
public enum BuiltinDocuments {
    public static let runShellScriptName = "AWS-RunShellScript"

    /// The JSON content of `AWS-RunShellScript`, with the same parameters and step as AWS's.
    public static let runShellScriptContent = """
    {
      "schemaVersion": "2.2",
      "description": "Runs shell commands or a script on Linux nodes.",
      "parameters": {
        "commands": {
          "type": "StringList",
          "description": "(Required) The commands or script to run, one line per item.",
          "minItems": 1,
          "displayType": "textarea"
        },
        "workingDirectory": {
          "type": "String",
          "default": "",
          "description": "(Optional) The directory to run the commands in.",
          "maxChars": 4096
        },
        "executionTimeout": {
          "type": "String",
          "default": "3600",
          "description": "(Optional) Seconds the commands may run before they are stopped and the step fails. Default 3600, at most 172800.",
          "allowedPattern": "([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)"
        }
      },
      "mainSteps": [
        {
          "precondition": { "StringEquals": ["platformType", "Linux"] },
          "action": "aws:runShellScript",
          "name": "aws:runShellScript",
          "inputs": {
            "id": "0.aws:runShellScript",
            "runCommand": "{{ commands }}",
            "workingDirectory": "{{ workingDirectory }}",
            "timeoutSeconds": "{{ executionTimeout }}"
          }
        }
      ]
    }
    """

    /// The names of the built-in documents: the Command documents, then the Session documents.
    public static let names = [runShellScriptName, ScanDocument.name] + SessionBuiltinDocuments.names

    /// The built-in document named `name`, if there is one, for a server reachable at `endpoint`
    /// (the scan document accepts only URLs of that server's object store).
    public static func content(named name: String, endpoint: String) -> String? {
        switch name {
        case runShellScriptName: runShellScriptContent
        case ScanDocument.name: ScanDocument.content(endpoint: endpoint)
        default: SessionBuiltinDocuments.content(named: name)
        }
    }

    /// The type of the built-in document `name`.
    public static func documentType(named name: String) -> DocumentType {
        SessionBuiltinDocuments.names.contains(name) ? .session : .command
    }
}
