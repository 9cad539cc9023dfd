import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PortlessCore

/// `POST /` in the AWS Query protocol (a form body, no `X-Amz-Target`): STS (version 2011-06-15) and IAM
/// (2010-05-08), with XML replies.
///
/// The credential scope's service (`sts` or `iam`) picks the service; IAM is global and botocore signs it
/// for `us-east-1`, which is accepted besides the server's own region. The signature is checked before
/// anything else, then `Action` and `Version`.
struct QueryController: Sendable {
    static let globalRegion = "us-east-1"

    let keys: AccessKeyResolver
    let region: String
    let sts: STSOperations
    let iam: IAMOperations
    let authorizer: Authorizer
    /// Whether requests arrive over TLS (`aws:SecureTransport`).
    let secureTransport: Bool

    /// The STS and IAM endpoints over `store`.
    static func make(store: any Store & IdentityStore, keys: AccessKeyResolver, keyring: Keyring, region: String,
                     authorizer: Authorizer, sts: STSService, secureTransport: Bool) -> QueryController {
        return QueryController(keys: keys, region: region, sts: STSOperations(sts: sts),
                               iam: IAMOperations(store: store, keyring: keyring, simulator: PolicySimulator(authorizer: authorizer)),
                               authorizer: authorizer, secureTransport: secureTransport)
    }

    /// Whether `request` is a Query-protocol call: a form body and no `X-Amz-Target`.
    static func isQueryRequest(_ request: Request) -> Bool {
        guard request.headers[HTTPField.Name("X-Amz-Target")!] == nil, let type = request.headers[.contentType] else { return false }
        return type.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }

    func handle(_ request: Request, body: Data, context: some Hummingbird.RequestContext) async -> Response {
        let requestId = Identifiers.uuid()
        var namespace: String?
        var action = ""
        do {
            let parameters = try QueryParameters(formBody: String(decoding: body, as: UTF8.self))
            action = parameters["Action"] ?? ""
            let service = try Self.service(of: request)
            namespace = service == "iam" ? IAMOperations.namespace : STSOperations.namespace
            let principal = try await authenticator(for: request).authenticate(APIController.signedRequest(request, body: body), service: service)
            guard !action.isEmpty else {
                throw PortlessError(.missingAction, "The request must contain the parameter Action.", field: "Action")
            }
            guard let version = parameters["Version"] else {
                throw PortlessError(.missingParameter, "The request must contain the parameter Version.", field: "Version")
            }
            let result: [XMLTag]?
            switch (service, version) {
            case ("sts", STSOperations.version), ("iam", IAMOperations.version):
                let known = service == "sts" ? STSOperations.actions.contains(action) : IAMOperations.handlers[action] != nil
                guard known else {
                    throw PortlessError(.invalidAction, "Could not find operation \(action) for version \(version)", field: "Action")
                }
                let facts = CallFacts(context: context, secureTransport: secureTransport)
                try await authorizer.authorize(service: service, operation: action, fields: RequestFields(query: parameters),
                                               principal: principal, facts: facts)
                result = service == "sts"
                    ? try await sts.handle(action, parameters: parameters, principal: principal, facts: facts)
                    : try await iam.handle(action, parameters: parameters, principal: principal)
            default:
                throw PortlessError(.noSuchVersion, "Version \(version) is not a version of \(service).", field: "Version")
            }
            context.logger.info("api call", metadata: ["portless.operation": "\(service):\(action)", "portless.principal": "\(principal.arn)",
                                                      "portless.requestId": "\(requestId)"])
            return QueryResponse.success(action: action, namespace: namespace ?? STSOperations.namespace, result: result, requestId: requestId)
        } catch {
            if let failure = error as? PortlessError {
                context.logger.info("api call refused", metadata: ["portless.operation": "\(action)", "portless.error": "\(failure.code)",
                                                                  "portless.requestId": "\(requestId)"])
            }
            return QueryResponse.error(error, namespace: namespace, requestId: requestId, logger: context.logger)
        }
    }

    /// The service named by the credential scope; refuses anything but `sts` and `iam`.
    static func service(of request: Request) throws -> String {
        guard let header = request.headers[.authorization] else { throw RequestAuthenticator.missingToken }
        let service = try SigV4Authorization(header: header).scope.service
        guard service == "sts" || service == "iam" else {
            throw PortlessError(.signatureDoesNotMatch, "Credential should be scoped to correct service: 'sts' or 'iam', not '\(service)'.", field: "Credential")
        }
        return service
    }

    /// IAM requests may be scoped to `us-east-1` (IAM is global); everything else to the server's region.
    func authenticator(for request: Request) -> RequestAuthenticator {
        let header = request.headers[.authorization] ?? ""
        let scope = try? SigV4Authorization(header: header).scope
        if let scope, scope.service == "iam", scope.region == Self.globalRegion {
            return RequestAuthenticator(keys: keys, region: Self.globalRegion)
        }
        return RequestAuthenticator(keys: keys, region: region)
    }
}
