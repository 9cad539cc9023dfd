import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PortlessClient
import PortlessCore

/// First-run registration: presents the activation and the node's public key, receives the node ID.
enum Registrar {
    static func register(server: URL, activationId: String, activationCode: String, stateDirectory: URL,
                         info: NodeInfo) async throws -> AgentIdentity {
        let key = try AgentIdentity.pendingKey(in: stateDirectory)
        let body = RegistrationRequest(activationId: activationId, activationCode: activationCode,
                                       publicKey: key.publicKey.rawRepresentation.base64EncodedString(), info: info)
        var request = URLRequest(url: server.appendingPathComponent("agent/v1/register"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try WireCoding.encoder().encode(body)
        request.timeoutInterval = 30
        let (data, response) = try await HTTPTransport.send(request)
        guard response.statusCode == 200 else { throw HTTPTransport.serviceError(data: data, status: response.statusCode) }
        let reply = try WireCoding.decode(RegistrationResponse.self, from: data)
        return try AgentIdentity.save(instanceId: reply.instanceId, server: server.absoluteString, key: key, in: stateDirectory)
    }
}
