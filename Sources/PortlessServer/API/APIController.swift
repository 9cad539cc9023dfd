import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PortlessCore

/// `POST /`: the AWS JSON 1.1 APIs (SSM, Organizations, EventBridge, and Portless's own). Authenticates the SigV4 signature, then hands the
/// body to the operation named by `X-Amz-Target`.
struct APIController: Sendable {
    static let maxBodySize = 1 << 20
    static let ssmPrefix = "AmazonSSM."

    let authenticator: RequestAuthenticator
    let ssm: SSMOperations
    let organizations: OrganizationsOperations
    let events: EventsOperations
    let portless: PortlessOperations
    /// STS and IAM (the Query protocol: a form body, no `X-Amz-Target`).
    let query: QueryController
    let authorizer: Authorizer
    /// Whether requests arrive over TLS (`aws:SecureTransport`).
    let secureTransport: Bool

    func handle(_ request: Request, context: some Hummingbird.RequestContext) async throws -> Response {
        let target = request.headers[HTTPField.Name("X-Amz-Target")!] ?? ""
        do {
            var request = request
            let body = try await APIResponse.collect(&request, upTo: Self.maxBodySize)
            if target.isEmpty && QueryController.isQueryRequest(request) {
                return await query.handle(request, body: body, context: context)
            }
            let reply: Data
            let principal: Principal
            let facts = CallFacts(context: context, secureTransport: secureTransport)
            if target.hasPrefix(OrganizationsOperations.targetPrefix) {
                // Organizations is global: botocore may sign it for us-east-1.
                principal = try await authenticator.authenticate(Self.signedRequest(request, body: body), service: "organizations",
                                                                 alsoAcceptingRegion: QueryController.globalRegion)
                let operation = String(target.dropFirst(OrganizationsOperations.targetPrefix.count))
                try await authorize(service: "organizations", operation: operation, target: target, body: body, principal: principal, facts: facts)
                reply = try await organizations.handle(operation, body: body, principal: principal)
            } else if target.hasPrefix(EventsOperations.targetPrefix) {
                principal = try await authenticator.authenticate(Self.signedRequest(request, body: body), service: "events")
                let operation = String(target.dropFirst(EventsOperations.targetPrefix.count))
                try await authorize(service: "events", operation: operation, target: target, body: body, principal: principal, facts: facts)
                reply = try await events.handle(operation, body: body, principal: principal)
            } else if target.hasPrefix(Self.ssmPrefix) {
                principal = try await authenticator.authenticate(Self.signedRequest(request, body: body), service: "ssm")
                let operation = String(target.dropFirst(Self.ssmPrefix.count))
                try await authorize(service: "ssm", operation: operation, target: target, body: body, principal: principal, facts: facts)
                reply = try await ssm.handle(operation, body: body, principal: principal, facts: facts)
            } else if target.hasPrefix(PortlessOperations.targetPrefix) {
                // Portless's own operations are signed like SSM's: they are part of the same API.
                principal = try await authenticator.authenticate(Self.signedRequest(request, body: body), service: "ssm")
                let operation = String(target.dropFirst(PortlessOperations.targetPrefix.count))
                try await authorize(service: "portless", operation: operation, target: target, body: body, principal: principal, facts: facts)
                reply = try await portless.handle(operation, body: body, principal: principal, facts: facts)
            } else {
                throw PortlessError(.unknownOperation, target.isEmpty ? "The X-Amz-Target header is missing." : "Operation \(target) is not supported.",
                                    field: "X-Amz-Target")
            }
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
