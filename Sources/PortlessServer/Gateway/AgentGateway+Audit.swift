import Foundation
import PortlessCore

extension AgentGateway {
    /// Records an agent's login (`AgentLogin` under the Portless event source), accepted or refused, as the
    /// node's role session when the node is known.
    func auditLogin(instanceId: String?, principal: Principal?, failure: PortlessError?, sourceIp: String?) async throws {
        var capture = AuditCapture.State()
        capture.signer = principal
        if let failure { capture.failure = (failure.code.rawValue, failure.wireMessage) }
        var fields: [String: JSONValue] = [:]
        if let instanceId { fields["instanceId"] = .string(instanceId) }
        let parameters: JSONValue = .object(fields)
        try await audit.record(AuditCall(eventSource: AuditCall.eventSource(service: "portless"), eventName: "AgentLogin", readOnly: false,
                                         capture: capture, sourceIp: sourceIp, userAgent: "portless-agent", requestParameters: parameters,
                                         requestId: Identifiers.uuid()))
    }

    /// Records a node's registration with an activation (`RegisterAgent`); the activation code is never recorded.
    func auditRegistration(_ registration: RegistrationRequest, node: NodeRecord?, failure: PortlessError?, sourceIp: String?) async throws {
        var capture = AuditCapture.State()
        if let failure { capture.failure = (failure.code.rawValue, failure.wireMessage) }
        let parameters: JSONValue = .object(["activationId": .string(registration.activationId), "activationCode": .string(AuditRedaction.hidden)])
        let reply: JSONValue? = node.map { .object(["instanceId": .string($0.instanceId)]) }
        try await audit.record(AuditCall(eventSource: AuditCall.eventSource(service: "portless"), eventName: "RegisterAgent", readOnly: false,
                                         capture: capture, account: node?.accountId, sourceIp: sourceIp, userAgent: "portless-agent",
                                         requestParameters: parameters, responseElements: reply, requestId: Identifiers.uuid()))
    }
}
