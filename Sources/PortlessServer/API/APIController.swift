import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PortlessCore

/// `POST /`: the AWS JSON 1.1 API. Authenticates the SigV4 signature, then hands the body to the
/// operation named by `X-Amz-Target`.
struct APIController: Sendable {
    static let maxBodySize = 1 << 20
    static let ssmPrefix = "AmazonSSM."

    let authenticator: RequestAuthenticator
    let ssm: SSMOperations
    /// STS and IAM (the Query protocol: a form body, no `X-Amz-Target`).
    let query: QueryController

    func handle(_ request: Request, context: some RequestContext) async throws -> Response {
        let target = request.headers[HTTPField.Name("X-Amz-Target")!] ?? ""
        do {
            var request = request
            let body = try await APIResponse.collect(&request, upTo: Self.maxBodySize)
            if target.isEmpty && QueryController.isQueryRequest(request) {
                return await query.handle(request, body: body, context: context)
            }
            guard target.hasPrefix(Self.ssmPrefix) else {
                throw PortlessError(.unknownOperation, target.isEmpty ? "The X-Amz-Target header is missing." : "Operation \(target) is not supported.",
                                    field: "X-Amz-Target")
            }
            let principal = try await authenticator.authenticate(Self.signedRequest(request, body: body), service: "ssm")
            let operation = String(target.dropFirst(Self.ssmPrefix.count))
            let reply = try await ssm.handle(operation, body: body, principal: principal)
            context.logger.info("api call", metadata: ["portless.operation": "\(target)", "portless.principal": "\(principal.arn)"])
            return APIResponse.json(data: reply)
        } catch {
            if let failure = error as? PortlessError {
                context.logger.info("api call refused", metadata: ["portless.operation": "\(target)", "portless.error": "\(failure.code)"])
            }
            return APIResponse.error(error, logger: context.logger)
        }
    }

    static func signedRequest(_ request: Request, body: Data) -> SignedRequest {
        var headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        if let authority = request.head.authority { headers.append((name: "host", value: authority)) }
        return SignedRequest(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                             headers: headers, payloadHash: SigV4.hexSHA256(Array(body)))
    }
}
