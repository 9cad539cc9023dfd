import Foundation
import PortlessCore

/// STS actions in the Query protocol (version 2011-06-15): parameters in, result elements out.
struct STSOperations: Sendable {
    static let version = "2011-06-15"
    static let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    let sts: STSService

    /// The children of `<ActionResult>`; throws `InvalidAction` for an action STS does not have (here).
    func handle(_ action: String, parameters: QueryParameters, principal: Principal) async throws -> [XMLTag]? {
        switch action {
        case "GetCallerIdentity":
            return [XMLTag("UserId", principal.userId), XMLTag("Account", principal.accountId), XMLTag("Arn", principal.arn)]
        case "GetSessionToken":
            let credentials = try await sts.getSessionToken(principal: principal, durationSeconds: parameters["DurationSeconds"])
            return [QueryXML.credentials(credentials)]
        case "AssumeRole":
            let input = STSService.AssumeRoleInput(roleArn: try parameters.required("RoleArn"),
                                                   sessionName: try parameters.required("RoleSessionName"),
                                                   durationSeconds: parameters["DurationSeconds"], policy: parameters["Policy"],
                                                   tags: try parameters.tags("Tags"))
            let (credentials, session, role) = try await sts.assumeRole(principal: principal, input: input)
            return [
                QueryXML.credentials(credentials),
                XMLTag("AssumedRoleUser", children: [
                    XMLTag("AssumedRoleId", session.assumedRoleId),
                    XMLTag("Arn", session.arn(accountId: role.accountId)),
                ]),
                XMLTag("PackedPolicySize", "0"),
            ]
        default:
            throw PortlessError(.invalidAction, "Could not find operation \(action) for version \(Self.version)", field: "Action")
        }
    }
}
