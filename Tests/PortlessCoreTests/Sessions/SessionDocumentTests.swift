import Foundation
@testable import PortlessCore
import Testing

// Session documents (schema 1.0): validation at CreateDocument/UpdateDocument, preferences, and the plan
// StartSession makes from a document and its parameters.

private func failure(_ content: String, format: DocumentFormat = .json) -> PortlessError? {
    do {
        _ = try SessionDocumentValidator.validate(content, format: format)
        return nil
    } catch let error as PortlessError {
        return error
    } catch {
        return PortlessError(.internalServerError, "\(error)")
    }
}

private func preferences(_ inputs: String) -> String {
    #"{"schemaVersion": "1.0", "description": "Document to hold regional settings for Session Manager", "sessionType": "Standard_Stream", "inputs": \#(inputs)}"#
}

private func builtin(_ name: String) throws -> SessionDocument {
    try SessionDocumentValidator.validate(try #require(SessionBuiltinDocuments.content(named: name)), format: .json)
}

private func plan(_ document: SessionDocument, _ parameters: [String: [String]] = [:],
                  account: SessionPreferences = .defaults) throws -> SessionPlan {
    try SessionPlanner.plan(document, name: "Doc", parameters: parameters, accountPreferences: account)
}

@Suite("Session documents")
struct SessionDocumentTests {
    @Test func readsTheConsolesPreferencesDocument() throws {
        let document = try SessionDocumentValidator.validate(preferences("""
            {"s3BucketName": "logs", "s3KeyPrefix": "", "s3EncryptionEnabled": true, "cloudWatchLogGroupName": "",
             "cloudWatchEncryptionEnabled": true, "cloudWatchStreamingEnabled": true, "kmsKeyId": "alias/sessions",
             "runAsEnabled": true, "runAsDefaultUser": "deploy", "idleSessionTimeout": "5", "maxSessionDuration": "90",
             "shellProfile": {"windows": "date", "linux": "cd /srv; export PS1='$ '"}}
            """), format: .json)
        #expect(document.sessionType == .standardStream)
        let values = SessionPreferences.defaults.applying(document.inputs)
        #expect(values.idleSessionTimeout == .seconds(300))
        #expect(values.maxSessionDuration == .seconds(90 * 60))
        #expect(values.runAsEnabled && values.runAsDefaultUser == "deploy")
        #expect(values.shellProfile == "cd /srv; export PS1='$ '")
        #expect(values.kmsKeyId == "alias/sessions" && values.s3BucketName == "logs" && values.s3KeyPrefix == nil)
        #expect(values.s3EncryptionEnabled && values.cloudWatchStreamingEnabled && values.cloudWatchLogGroupName == nil)
    }

    @Test func emptyAndMissingInputsKeepTheDefaults() throws {
        let document = try SessionDocumentValidator.validate(preferences(#"{"idleSessionTimeout": "", "maxSessionDuration": "", "runAsDefaultUser": ""}"#),
                                                             format: .json)
        #expect(SessionPreferences.defaults.applying(document.inputs) == .defaults)
        #expect(SessionPreferences.defaults.idleSessionTimeout == .seconds(1200))
        #expect(SessionPreferences.defaults.maxSessionDuration == nil && !SessionPreferences.defaults.runAsEnabled)
    }

    @Test func readsYAMLAndNumbers() throws {
        let yaml = """
            schemaVersion: '1.0'
            description: prefs
            sessionType: Standard_Stream
            inputs:
              idleSessionTimeout: 60
              maxSessionDuration: 1440
              runAsEnabled: 'false'
            """
        let values = SessionPreferences.defaults.applying(try SessionDocumentValidator.validate(yaml, format: .yaml).inputs)
        #expect(values.idleSessionTimeout == .seconds(3600) && values.maxSessionDuration == .seconds(86400) && !values.runAsEnabled)
    }

    @Test(arguments: [
        (#"{"idleSessionTimeout": "0"}"#, "inputs.idleSessionTimeout"),
        (#"{"idleSessionTimeout": "61"}"#, "inputs.idleSessionTimeout"),
        (#"{"idleSessionTimeout": "twenty"}"#, "inputs.idleSessionTimeout"),
        (#"{"idleSessionTimeout": 2.5}"#, "inputs.idleSessionTimeout"),
        (#"{"maxSessionDuration": "1441"}"#, "inputs.maxSessionDuration"),
        (#"{"maxSessionDuration": "-1"}"#, "inputs.maxSessionDuration"),
        (#"{"runAsEnabled": "yes"}"#, "inputs.runAsEnabled"),
        (#"{"runAsDefaultUser": 5}"#, "inputs.runAsDefaultUser"),
        (#"{"shellProfile": "bash"}"#, "inputs.shellProfile"),
        (#"{"shellProfile": {"solaris": "ksh"}}"#, "inputs.shellProfile.solaris"),
        (#"{"idleSessionTimeOut": "20"}"#, "inputs.idleSessionTimeOut"),
        (#"[]"#, "inputs"),
    ])
    func refusesBadInputs(inputs: String, field: String) {
        let error = failure(preferences(inputs))
        #expect(error?.code == .invalidDocumentContent)
        #expect(error?.field == field)
    }

    @Test func namesTheRangeOfATimeout() {
        #expect(failure(preferences(#"{"idleSessionTimeout": "90"}"#))?.wireMessage
            == "idleSessionTimeout must be a whole number of minutes from 1 to 60. (field: inputs.idleSessionTimeout)")
    }

    @Test(arguments: [
        (#"{"schemaVersion": "2.2", "sessionType": "Port"}"#, "InvalidDocumentSchemaVersion", "2.2 is not a valid schema version for Session document type"),
        (#"{"schemaVersion": "3.0", "sessionType": "Port"}"#, "InvalidDocumentContent", "Document schema version is invalid. Value: 3.0"),
        (#"{"schemaVersion": "1.0", "sessionType": "Port", "properties": {"portNumber": "{{ port }}"}}"#, "InvalidDocumentContent", #"Parameter "port" is not declared."#),
    ])
    func usesAWSTexts(content: String, code: String, message: String) {
        let error = failure(content)
        #expect(error?.code.rawValue == code)
        #expect(error?.isAWSText == true)
        #expect(error?.message == message)
    }

    @Test(arguments: [
        (#"{"schemaVersion": "1.0"}"#, "sessionType"),
        (#"{"schemaVersion": "1.0", "sessionType": "Shell"}"#, "sessionType"),
        (#"{"sessionType": "Port"}"#, "schemaVersion"),
        (#"{"schemaVersion": "1.0", "sessionType": "Standard_Stream"}"#, "inputs"),
        (#"{"schemaVersion": "1.0", "sessionType": "Port", "mainSteps": []}"#, "mainSteps"),
        (#"{"schemaVersion": "1.0", "sessionType": "Port", "properties": {"portNumber": 22}}"#, "properties.portNumber"),
        (#"{"schemaVersion": "1.0", "sessionType": "Port", "properties": []}"#, "properties"),
        (#"{"schemaVersion": "1.0", "sessionType": "InteractiveCommands", "properties": {}}"#, "properties"),
        (#"{"schemaVersion": "1.0", "sessionType": "InteractiveCommands", "properties": {"linux": {"commands": 1}}}"#, "properties.linux.commands"),
        (#"{"schemaVersion": "1.0", "sessionType": "InteractiveCommands", "properties": {"linux": {"commands": "top", "runAsElevated": "no"}}}"#,
         "properties.linux.runAsElevated"),
        (#"{"schemaVersion": "1.0", "sessionType": "Port", "parameters": {"p": {"type": "Number"}}, "properties": {"portNumber": "1"}}"#, "parameters.p.type"),
    ])
    func refusesBadContent(content: String, field: String) {
        let error = failure(content)
        #expect(error?.code == .invalidDocumentContent)
        #expect(error?.field == field)
    }

    @Test(arguments: SessionBuiltinDocuments.names)
    func theBuiltinsAreValid(name: String) throws {
        let document = try builtin(name)
        #expect(document.content["schemaVersion"] == .string("1.0"))
    }

    @Test func planForSSH() throws {
        let ssh = try builtin(SessionBuiltinDocuments.sshSessionName)
        let defaultPort = try plan(ssh)
        #expect(defaultPort.sessionType == .port && defaultPort.port == 22 && defaultPort.host == nil && !defaultPort.multiplexed)
        #expect(defaultPort.properties == ["portNumber": "22"])
        #expect(try plan(ssh, ["portNumber": ["2222"]]).port == 2222)
    }

    @Test func planForPortForwarding() throws {
        let forward = try plan(try builtin(SessionBuiltinDocuments.portForwardingName), ["portNumber": ["5432"], "localPortNumber": ["15432"]])
        #expect(forward.multiplexed && forward.port == 5432 && forward.host == nil)
        #expect(forward.properties == ["portNumber": "5432", "type": "LocalPortForwarding", "localPortNumber": "15432"])
        let remote = try plan(try builtin(SessionBuiltinDocuments.remoteHostPortForwardingName), ["host": ["db.internal"], "portNumber": ["3306"]])
        #expect(remote.multiplexed && remote.host == "db.internal" && remote.port == 3306)
        #expect(remote.properties["localPortNumber"] == "0")
    }

    @Test func planForCommands() throws {
        let interactive = try plan(try builtin(SessionBuiltinDocuments.interactiveCommandName), ["command": ["top -b"]])
        #expect(interactive.sessionType == .interactiveCommands && interactive.command == "top -b" && interactive.port == nil)
        #expect(interactive.properties.isEmpty)
        let other = try plan(try builtin(SessionBuiltinDocuments.nonInteractiveCommandName), ["command": ["uname -a"]])
        #expect(other.sessionType == .nonInteractiveCommands && other.command == "uname -a")
        let listed = try SessionDocumentValidator.validate(#"""
            {"schemaVersion": "1.0", "sessionType": "NonInteractiveCommands", "parameters": {"path": {"type": "String", "default": "/var/log"}},
             "properties": {"linux": {"commands": ["cd {{ path }}", "ls"]}}}
            """#, format: .json)
        #expect(try plan(listed).command == "cd /var/log\nls")
    }

    @Test(arguments: [
        (["portNumber": ["0"]], #"Parameter "portNumber" has value "0" not matching "\#(SessionBuiltinDocuments.portPattern)"."#),
        (["portNumber": ["65536"]], #"Parameter "portNumber" has value "65536" not matching "\#(SessionBuiltinDocuments.portPattern)"."#),
        (["port": ["22"]], "Parameter 'port' is not defined by the document."),
        (["portNumber": ["22", "23"]], "Parameter 'portNumber' is a String and takes exactly one value."),
    ])
    func refusesBadParameters(parameters: [String: [String]], message: String) throws {
        let ssh = try builtin(SessionBuiltinDocuments.sshSessionName)
        let error = #expect(throws: PortlessError.self) { try plan(ssh, parameters) }
        #expect(error?.code == .invalidParameters)
        #expect(error?.message == message)
    }

    @Test func refusesAMissingRequiredParameterAndAHostOutsideThePattern() throws {
        let remote = try builtin(SessionBuiltinDocuments.remoteHostPortForwardingName)
        let missing = #expect(throws: PortlessError.self) { try plan(remote) }
        #expect(missing?.code == .invalidParameters && missing?.field == "Parameters.host")
        let injected = #expect(throws: PortlessError.self) { try plan(remote, ["host": ["db;rm -rf /"]]) }
        #expect(injected?.code == .invalidParameters && injected?.field == "Parameters.host")
        let command = #expect(throws: PortlessError.self) { try plan(try builtin(SessionBuiltinDocuments.interactiveCommandName)) }
        #expect(command?.field == "Parameters.command")
    }

    @Test func preferencesComeFromTheAccountAndAStandardStreamDocumentOverridesThem() throws {
        var account = SessionPreferences.defaults
        account.idleSessionTimeout = .seconds(600)
        account.runAsDefaultUser = "ops"
        let port = try plan(try builtin(SessionBuiltinDocuments.sshSessionName), account: account)
        #expect(port.preferences == account)
        let custom = try SessionDocumentValidator.validate(preferences(#"{"maxSessionDuration": "30", "runAsDefaultUser": "deploy"}"#), format: .json)
        let shell = try plan(custom, account: account)
        #expect(shell.preferences.idleSessionTimeout == .seconds(600))
        #expect(shell.preferences.maxSessionDuration == .seconds(1800) && shell.preferences.runAsDefaultUser == "deploy")
        #expect(shell.command == nil && shell.port == nil && shell.sessionType == .standardStream)
    }

    @Test func aPortDocumentWithALiteralBadPortIsRefused() throws {
        let document = try SessionDocumentValidator.validate(#"{"schemaVersion": "1.0", "sessionType": "Port", "properties": {"portNumber": "http"}}"#,
                                                             format: .json)
        let error = #expect(throws: PortlessError.self) { try plan(document) }
        #expect(error?.code == .invalidParameters)
        let noPort = try SessionDocumentValidator.validate(#"{"schemaVersion": "1.0", "sessionType": "Port", "properties": {"type": "LocalPortForwarding"}}"#,
                                                           format: .json)
        #expect((#expect(throws: PortlessError.self) { try plan(noPort) })?.code == .invalidDocument)
    }
}
