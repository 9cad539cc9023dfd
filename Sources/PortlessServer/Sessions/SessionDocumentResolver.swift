// INTERIM: replaced by the session-documents branch at merge.
import PortlessCore

/// Turns StartSession's document and parameters into a plan.
struct SessionDocumentResolver: Sendable {
    func plan(accountId: String, documentName: String?, parameters: [String: [String]]) async throws -> SessionPlan {
        let name = documentName ?? "SSM-SessionManagerRunShell"
        let port = parameters["portNumber"]?.first
        switch name {
        case "SSM-SessionManagerRunShell": return SessionPlan(documentName: name, sessionType: .standardStream)
        case "AWS-StartSSHSession":
            return SessionPlan(documentName: name, sessionType: .port, properties: ["portNumber": port ?? "22"], port: Int(port ?? "22"))
        case "AWS-StartPortForwardingSession", "AWS-StartPortForwardingSessionToRemoteHost":
            return SessionPlan(documentName: name, sessionType: .port,
                               properties: ["portNumber": port ?? "80", "type": "LocalPortForwarding",
                                            "localPortNumber": parameters["localPortNumber"]?.first ?? ""],
                               host: parameters["host"]?.first, port: Int(port ?? "80"), multiplexed: true)
        case "AWS-StartInteractiveCommand":
            return SessionPlan(documentName: name, sessionType: .interactiveCommands, command: parameters["command"]?.first)
        case "AWS-StartNonInteractiveCommand":
            return SessionPlan(documentName: name, sessionType: .nonInteractiveCommands, command: parameters["command"]?.first)
        default: throw PortlessError.documentNotFound(field: "DocumentName")
        }
    }
}
