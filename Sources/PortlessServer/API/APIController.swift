import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PortlessCore

/// `POST /`: the AWS JSON 1.1 APIs (SSM, Organizations, KMS, CloudTrail, EventBridge, CloudWatch Logs, and Portless's own, each
/// a `JSONRoute`) and the Query APIs (STS, IAM). Authenticates the SigV4 signature, then hands the body to the operation named
/// by `X-Amz-Target`. Every call, whatever its service and however it ends, is recorded
/// in the audit trail before its reply is sent (`handle` wraps `dispatch`).
struct APIController: Sendable {
    static let maxBodySize = 1 << 20

    let authenticator: RequestAuthenticator
    /// The JSON 1.1 services, found by their target prefix.
    let routes: [JSONRoute]
    /// STS and IAM (the Query protocol: a form body, no `X-Amz-Target`).
    let query: QueryController
    let authorizer: Authorizer
    /// Whether requests arrive over TLS (`aws:SecureTransport`).
    let secureTransport: Bool
    let audit: AuditTrail

    func handle(_ request: Request, context: some Hummingbird.RequestContext) async throws -> Response {
        let capture = AuditCapture()
        var request = request
        let body: Data
        let response: Response
        do {
            body = try await APIResponse.collect(&request, upTo: Self.maxBodySize)
            let collected = request
            response = await AuditCapture.$current.withValue(capture) { await dispatch(collected, body: body, context: context) }
        } catch {
            body = Data()
            response = AuditCapture.$current.withValue(capture) { APIResponse.error(error, logger: context.logger) }
        }
        return await audited(request, body: body, response: response, capture: capture, context: context)
    }

    /// Authenticates, authorizes and runs the operation; every failure becomes its error reply.
    private func dispatch(_ request: Request, body: Data, context: some Hummingbird.RequestContext) async -> Response {
        let target = request.headers[HTTPField.Name("X-Amz-Target")!] ?? ""
        do {
            if target.isEmpty && QueryController.isQueryRequest(request) {
                return await query.handle(request, body: body, context: context)
            }
            guard let route = routes.first(where: { target.hasPrefix($0.targetPrefix) }) else {
                throw PortlessError(.unknownOperation, target.isEmpty ? "The X-Amz-Target header is missing." : "Operation \(target) is not supported.",
                                    field: "X-Amz-Target")
            }
            let principal = try await authenticator.authenticate(Self.signedRequest(request, body: body), service: route.signingName,
                                                                 alsoAcceptingRegion: route.alsoAcceptingRegion)
            let operation = String(target.dropFirst(route.targetPrefix.count))
            let facts = CallFacts(context: context, secureTransport: secureTransport)
            try await authorize(service: route.policyService, operation: operation, target: target, body: body, principal: principal, facts: facts)
            let reply = try await route.handle(operation, body, principal, facts)
            context.logger.info("api call", metadata: ["portless.operation": "\(target)", "portless.principal": "\(principal.arn)"])
            return APIResponse.json(data: reply)
        } catch {
            if let failure = error as? PortlessError {
                context.logger.info("api call refused", metadata: ["portless.operation": "\(target)", "portless.error": "\(failure.code)"])
            }
            return APIResponse.error(error, logger: context.logger)
        }
    }

    /// Decides the operation before it runs; an operation the table does not list is one this server does not have.
    private func authorize(service: String, operation: String, target: String, body: Data, principal: Principal, facts: CallFacts) async throws {
        guard OperationTable.rule(service: service, operation: operation) != nil else {
            throw PortlessError(.unknownOperation, "Operation \(target) is not supported.", field: "X-Amz-Target")
        }
        try await authorizer.authorize(service: service, operation: operation, fields: RequestFields(json: body), principal: principal, facts: facts)
    }

    static func signedRequest(_ request: Request, body: Data) -> SignedRequest {
        var headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        if let authority = request.head.authority { headers.append((name: "host", value: authority)) }
        return SignedRequest(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                             headers: headers, payloadHash: SigV4.hexSHA256(Array(body)))
    }
}
