import Foundation
import Hummingbird
import Logging
import PortlessCore

/// `POST /agent/v1/register`: the activation code is the credential; the reply is the node ID.
struct RegistrationController: Sendable {
    static let maxBodySize = 64 << 10

    let activations: ActivationService

    func register(_ request: Request, context: some RequestContext) async throws -> Response {
        do {
            var request = request
            let body = try await APIResponse.collect(&request, upTo: Self.maxBodySize)
            let registration = try WireCoding.decode(RegistrationRequest.self, from: body)
            let node = try await activations.register(registration)
            context.logger.info("node registered", metadata: ["portless.node": "\(node.instanceId)", "portless.activation": "\(node.activationId)"])
            return try APIResponse.json(RegistrationResponse(instanceId: node.instanceId))
        } catch {
            return APIResponse.error(error, logger: context.logger)
        }
    }
}
