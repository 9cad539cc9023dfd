import Foundation
import PortlessCore

/// STS actions in the Query protocol (version 2011-06-15): parameters in, result elements out.
struct STSOperations: Sendable {
    static let version = "2011-06-15"
    static let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    static let actions: Set<String> = ["GetCallerIdentity", "GetSessionToken", "AssumeRole"]

    let sts: STSService

    /// The children of `<ActionResult>`; throws `InvalidAction` for an action STS does not have (here).
    func handle(_ action: String, parameters: QueryParameters, principal: Principal, facts: CallFacts) async throws -> [XMLTag]? {
        switch action {
        case "GetCallerIdentity":
            return [XMLTag("UserId", principal.userId), XMLTag("Account", principal.accountId), XMLTag("Arn", principal.arn)]
        case "GetSessionToken":
            let credentials = try await sts.getSessionToken(principal: principal, durationSeconds: parameters["DurationSeconds"],
                                                            serialNumber: parameters["SerialNumber"], tokenCode: parameters["TokenCode"])
            return [QueryXML.credentials(credentials)]
        case "AssumeRole":
            let input = STSService.AssumeRoleInput(roleArn: try parameters.required("RoleArn"),
                                                   sessionName: try parameters.required("RoleSessionName"),
                                                   durationSeconds: parameters["DurationSeconds"], policy: parameters["Policy"],
                                                   policyArns: Self.policyArns(parameters), tags: try parameters.tags("Tags"),
                                                   transitiveTagKeys: parameters.members("TransitiveTagKeys"),
                                                   externalId: parameters["ExternalId"], serialNumber: parameters["SerialNumber"],
                                                   tokenCode: parameters["TokenCode"], sourceIdentity: parameters["SourceIdentity"])
            let assumed = try await sts.assumeRole(principal: principal, input: input, facts: facts)
            var result = [
                QueryXML.credentials(assumed.credentials),
                XMLTag("AssumedRoleUser", children: [
                    XMLTag("AssumedRoleId", assumed.session.assumedRoleId),
                    XMLTag("Arn", assumed.session.arn(accountId: assumed.role.accountId)),
                ]),
                XMLTag("PackedPolicySize", String(assumed.packedPolicySize)),
            ]
            if let sourceIdentity = assumed.sourceIdentity { result.append(XMLTag("SourceIdentity", sourceIdentity)) }
            return result
        default:
            throw PortlessError(.invalidAction, "Could not find operation \(action) for version \(Self.version)", field: "Action")
        }
    }

    /// `PolicyArns.member.N.arn`, up to the first gap.
    static func policyArns(_ parameters: QueryParameters) -> [String] {
        var arns: [String] = []
        while let arn = parameters["PolicyArns.member.\(arns.count + 1).arn"] { arns.append(arn) }
        return arns
    }
}
