import Foundation
import PortlessCore

/// One AWS JSON 1.1 service of the API: the `X-Amz-Target` prefix that names it, the SigV4 name its requests are
/// signed with, the service its operations are authorized under, and the adapter that runs them.
struct JSONRoute: Sendable {
    typealias Handler = @Sendable (_ operation: String, _ body: Data, _ principal: Principal, _ facts: CallFacts) async throws -> Data

    var targetPrefix: String
    var signingName: String
    var policyService: String
    /// Another region a signature may name.
    var alsoAcceptingRegion: String? = nil
    var handle: Handler

    /// Every JSON 1.1 service, each with its adapter.
    static func all(ssm: SSMOperations, organizations: OrganizationsOperations, events: EventsOperations, portless: PortlessOperations,
                    kms: KMSOperations, cloudTrail: CloudTrailOperations, logs: LogsOperations) -> [JSONRoute] {
        [
            JSONRoute(targetPrefix: "AmazonSSM.", signingName: "ssm", policyService: "ssm") {
                try await ssm.handle($0, body: $1, principal: $2, facts: $3)
            },
            // Organizations is global: botocore may sign it for us-east-1.
            JSONRoute(targetPrefix: OrganizationsOperations.targetPrefix, signingName: "organizations", policyService: "organizations",
                      alsoAcceptingRegion: QueryController.globalRegion) { operation, body, principal, _ in
                try await organizations.handle(operation, body: body, principal: principal)
            },
            JSONRoute(targetPrefix: KMSOperations.targetPrefix, signingName: "kms", policyService: "kms") {
                try await kms.handle($0, body: $1, principal: $2, facts: $3)
            },
            JSONRoute(targetPrefix: CloudTrailOperations.targetPrefix, signingName: "cloudtrail", policyService: "cloudtrail") { operation, body, principal, _ in
                try await cloudTrail.handle(operation, body: body, principal: principal)
            },
            JSONRoute(targetPrefix: EventsOperations.targetPrefix, signingName: "events", policyService: "events") { operation, body, principal, _ in
                try await events.handle(operation, body: body, principal: principal)
            },
            JSONRoute(targetPrefix: LogsOperations.targetPrefix, signingName: "logs", policyService: "logs") {
                try await logs.handle($0, body: $1, principal: $2, facts: $3)
            },
            // Portless's own operations are signed like SSM's: they are part of the same API.
            JSONRoute(targetPrefix: PortlessOperations.targetPrefix, signingName: "ssm", policyService: "portless") {
                try await portless.handle($0, body: $1, principal: $2, facts: $3)
            },
        ]
    }
}
