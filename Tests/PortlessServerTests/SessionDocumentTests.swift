import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessCore
@testable import PortlessServer
import Testing

// Session documents through the SSM API of a real server (CreateDocument/UpdateDocument/Get/Describe/List/
// Delete with DocumentType Session, the built-ins owned by Amazon), and the plan StartSession makes from
// them (`SessionDocumentResolver.plan`) over the same store.

private let runShell = SessionBuiltinDocuments.defaultShellName

private func preferences(idle: String, user: String = "deploy") -> String {
    #"{"schemaVersion": "1.0", "description": "Document to hold regional settings for Session Manager", "sessionType": "Standard_Stream", "#
        + #""inputs": {"idleSessionTimeout": "\#(idle)", "maxSessionDuration": "120", "runAsEnabled": true, "runAsDefaultUser": "\#(user)", "#
        + #""shellProfile": {"linux": "cd /tmp", "windows": ""}}}"#
}

private func object(_ response: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
}

private func body(_ members: [String: Any]) -> String {
    String(decoding: (try? JSONSerialization.data(withJSONObject: members, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
}

/// Runs `test` against a fresh server with a resolver reading its store.
private func withResolver(_ test: @Sendable @escaping (SignedClient, SessionDocumentResolver) async throws -> Void) async throws {
    try await TestPortless.withServer { server, client in
        let catalog = DocumentCatalog(store: server.store, region: server.configuration.region, endpoint: ServerEndpoint())
        try await test(client, SessionDocumentResolver(catalog: catalog))
    }
}

@Suite("Session documents API")
struct SessionDocumentAPITests {
    @Test func createUpdateAndReadThePreferencesDocument() async throws {
        try await withResolver { client, _ in
            let created = try await client.ssm("CreateDocument", body(["Name": runShell, "DocumentType": "Session", "Content": preferences(idle: "15")]))
            #expect(created.status == .ok, "\(String(buffer: created.body))")
            let description = object(created)["DocumentDescription"] as? [String: Any] ?? [:]
            #expect(description["DocumentType"] as? String == "Session")
            #expect(description["SchemaVersion"] as? String == "1.0")
            #expect(description["PlatformTypes"] as? [String] == ["Windows", "Linux", "MacOS"])

            let updated = object(try await client.ssm("UpdateDocument", body(["Name": runShell, "Content": preferences(idle: "30"), "DocumentVersion": "$LATEST"])))
            #expect((updated["DocumentDescription"] as? [String: Any])?["DocumentVersion"] as? String == "2")
            let badUpdate = ErrorReply(try await client.ssm("UpdateDocument", body(["Name": runShell, "Content": preferences(idle: "61")])))
            #expect(badUpdate.code == "InvalidDocumentContent" && badUpdate.message.contains("inputs.idleSessionTimeout"))

            let got = object(try await client.ssm("GetDocument", body(["Name": runShell, "DocumentVersion": "2"])))
            #expect(got["DocumentType"] as? String == "Session" && (got["Content"] as? String)?.contains("\"30\"") == true)
            let listed = object(try await client.ssm("ListDocuments", #"{"Filters": [{"Key": "DocumentType", "Values": ["Session"]}]}"#))
            let names = (listed["DocumentIdentifiers"] as? [[String: Any]] ?? []).compactMap { $0["Name"] as? String }
            #expect(Set(names) == Set(SessionBuiltinDocuments.names + [runShell]))
            let commands = object(try await client.ssm("ListDocuments", #"{"Filters": [{"Key": "DocumentType", "Values": ["Command"]}]}"#))
            #expect(!((commands["DocumentIdentifiers"] as? [[String: Any]] ?? []).contains { $0["Name"] as? String == runShell }))

            let deleted = try await client.ssm("DeleteDocument", body(["Name": runShell]))
            #expect(deleted.status == .ok)
            #expect(ErrorReply(try await client.ssm("GetDocument", body(["Name": runShell]))).code == "InvalidDocument")
        }
    }

    @Test func theBuiltinSessionDocumentsAreAmazons() async throws {
        try await withResolver { client, _ in
            let described = object(try await client.ssm("DescribeDocument", body(["Name": SessionBuiltinDocuments.remoteHostPortForwardingName])))
            let document = described["Document"] as? [String: Any] ?? [:]
            #expect(document["Owner"] as? String == "Amazon" && document["DocumentType"] as? String == "Session")
            let parameters = (document["Parameters"] as? [[String: Any]] ?? []).compactMap { $0["Name"] as? String }
            #expect(parameters == ["host", "localPortNumber", "portNumber"])
            let content = object(try await client.ssm("GetDocument", body(["Name": SessionBuiltinDocuments.sshSessionName])))["Content"] as? String
            #expect(content?.contains(#""sessionType": "Port""#) == true)
            let change = ErrorReply(try await client.ssm("UpdateDocument", body(["Name": SessionBuiltinDocuments.sshSessionName, "Content": preferences(idle: "5")])))
            #expect(change.code == "InvalidDocumentOperation")
        }
    }

    @Test func refusesBadSessionContentAndSessionDocumentsInSendCommand() async throws {
        try await withResolver { client, _ in
            let schema = ErrorReply(try await client.ssm("CreateDocument", body([
                "Name": "Shell2", "DocumentType": "Session", "Content": #"{"schemaVersion": "2.2", "sessionType": "Standard_Stream", "inputs": {}}"#])))
            #expect(schema.status == 400 && schema.code == "InvalidDocumentSchemaVersion")
            #expect(schema.message == "2.2 is not a valid schema version for Session document type")
            let type = ErrorReply(try await client.ssm("CreateDocument", body([
                "Name": "Shell3", "DocumentType": "Session", "Content": #"{"schemaVersion": "1.0", "sessionType": "Shell"}"#])))
            #expect(type.code == "InvalidDocumentContent" && type.message.contains("sessionType"))
            let send = ErrorReply(try await client.ssm("SendCommand", body([
                "DocumentName": SessionBuiltinDocuments.sshSessionName, "InstanceIds": ["mi-0123456789abcdef0"]])))
            #expect(send.code == "InvalidDocument" && send.message.contains("Session document"))
        }
    }

    @Test func planReadsTheAccountsPreferences() async throws {
        try await withResolver { client, resolver in
            let account = client.accountId
            let plain = try await resolver.plan(accountId: account, documentName: nil, parameters: [:])
            #expect(plain == SessionPlan(documentName: runShell, sessionType: .standardStream, preferences: .defaults))

            _ = try await client.ssm("CreateDocument", body(["Name": runShell, "DocumentType": "Session", "Content": preferences(idle: "15")]))
            let shell = try await resolver.plan(accountId: account, documentName: nil, parameters: [:])
            #expect(shell.preferences.idleSessionTimeout == .seconds(900) && shell.preferences.maxSessionDuration == .seconds(7200))
            #expect(shell.preferences.runAsEnabled && shell.preferences.runAsDefaultUser == "deploy" && shell.preferences.shellProfile == "cd /tmp")

            // A new version counts once it is the default version.
            _ = try await client.ssm("UpdateDocument", body(["Name": runShell, "Content": preferences(idle: "45", user: "ops"), "DocumentVersion": "$LATEST"]))
            #expect(try await resolver.plan(accountId: account, documentName: runShell, parameters: [:]).preferences.idleSessionTimeout == .seconds(900))
            _ = try await client.ssm("UpdateDocumentDefaultVersion", body(["Name": runShell, "DocumentVersion": "2"]))
            let ssh = try await resolver.plan(accountId: account, documentName: SessionBuiltinDocuments.sshSessionName, parameters: ["portNumber": ["2022"]])
            #expect(ssh.port == 2022 && ssh.sessionType == .port && !ssh.multiplexed)
            #expect(ssh.preferences.idleSessionTimeout == .seconds(2700) && ssh.preferences.runAsDefaultUser == "ops")
        }
    }

    @Test func planRefusesWhatStartSessionRefuses() async throws {
        try await withResolver { client, resolver in
            let account = client.accountId
            let missing = await #expect(throws: PortlessError.self) {
                try await resolver.plan(accountId: account, documentName: "NoSuchDocument", parameters: [:])
            }
            #expect(missing?.code == .invalidDocument && missing?.field == "DocumentName")
            let command = await #expect(throws: PortlessError.self) {
                try await resolver.plan(accountId: account, documentName: BuiltinDocuments.runShellScriptName, parameters: [:])
            }
            #expect(command?.message == "Document type: 'Command' is not supported. Only type: 'Session' is supported for Session Manager.")
            let parameter = await #expect(throws: PortlessError.self) {
                try await resolver.plan(accountId: account, documentName: SessionBuiltinDocuments.portForwardingName, parameters: ["hostname": ["x"]])
            }
            #expect(parameter?.code == .invalidParameters && parameter?.field == "Parameters.hostname")
            let shellParameter = await #expect(throws: PortlessError.self) {
                try await resolver.plan(accountId: account, documentName: nil, parameters: ["command": ["ls"]])
            }
            #expect(shellParameter?.code == .invalidParameters)

            let custom = #"{"schemaVersion": "1.0", "sessionType": "Port", "parameters": {"db": {"type": "String", "allowedValues": ["orders", "users"]}}, "#
                + #""properties": {"portNumber": "5432", "host": "{{ db }}.internal", "type": "LocalPortForwarding"}}"#
            _ = try await client.ssm("CreateDocument", body(["Name": "Databases", "DocumentType": "Session", "Content": custom]))
            let orders = try await resolver.plan(accountId: account, documentName: "Databases", parameters: ["db": ["orders"]])
            #expect(orders.host == "orders.internal" && orders.port == 5432 && orders.multiplexed)
            let other = await #expect(throws: PortlessError.self) {
                try await resolver.plan(accountId: account, documentName: "Databases", parameters: ["db": ["billing"]])
            }
            #expect(other?.message == #"Parameter "db" has value "billing" not found in [orders, users]."#)
        }
    }
}
