import Foundation
import PortlessCore

/// How a scan acts in an account: as the caller in its own, as a session of the named role in a member
/// account (the caller must be allowed `sts:AssumeRole` and trusted by the role), and always allowed
/// `ssm:SendCommand` on the scan document and on every node it reaches, with the node's tags.
struct ScanAccountAccess: Sendable {
    let sts: STSService
    let keys: AccessKeyResolver
    let authorizer: Authorizer
    let store: any Store

    /// The session of `roleName` in `accountId`, assumed by `principal` as `AssumeRole` would.
    func assume(roleName: String, in accountId: String, by principal: Principal, facts: CallFacts, sessionSeconds: Int) async throws -> Principal {
        let input = STSService.AssumeRoleInput(roleArn: "arn:aws:iam::\(accountId):role/\(roleName)", sessionName: "portless-scan",
                                               durationSeconds: String(min(max(sessionSeconds, 900), 3600)))
        let assumed = try await sts.assumeRole(principal: principal, input: input, facts: facts)
        return try await keys.resolve(accessKeyId: assumed.credentials.accessKeyId, securityToken: assumed.credentials.sessionToken).principal
    }

    /// `ssm:SendCommand` on the scan document and on each node (with its tags), decided for `principal`.
    func authorizeScan(of nodes: [TargetedNode], in accountId: String, by principal: Principal, facts: CallFacts) async throws {
        guard !authorizer.sources.isUnrestricted(principal) else { return }
        let tags = try await store.allTags(resourceType: NodeService.resourceType)
        var resources = [try await authorizer.resolver.document(ScanDocument.name, callerAccount: accountId)]
        resources += authorizer.resolver.nodes(nodes.map { ($0.instanceId, tags[$0.instanceId] ?? []) }, account: accountId)
        try await authorizer.require(AccessCheck("ssm:SendCommand", resources, facts: facts), by: principal)
    }

    /// The account itself, acting through the scan service on what the scan already started (cancelling
    /// its commands); never used to decide anything.
    static func servicePrincipal(_ accountId: String) -> Principal {
        Principal(accountId: accountId, userName: "portless-scan", accessKeyId: "")
    }
}
