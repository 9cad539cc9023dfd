import Foundation
import PortlessCore

/// IAM role actions in the Query protocol (version 2010-05-08): parameters in, result elements out.
struct IAMOperations: Sendable {
    static let version = "2010-05-08"
    static let namespace = "https://iam.amazonaws.com/doc/2010-05-08/"

    let roles: RoleService

    /// The children of `<ActionResult>` (nil for actions without one); throws `InvalidAction` for an
    /// action IAM does not have (here).
    func handle(_ action: String, parameters: QueryParameters, principal: Principal) async throws -> [XMLTag]? {
        let account = principal.accountId
        switch action {
        case "CreateRole":
            let input = RoleService.CreateInput(roleName: try parameters.required("RoleName"),
                                                assumeRolePolicyDocument: try parameters.required("AssumeRolePolicyDocument"),
                                                path: parameters["Path"], description: parameters["Description"],
                                                maxSessionDuration: parameters["MaxSessionDuration"], tags: try parameters.tags("Tags"))
            let role = try await roles.create(accountId: account, input: input)
            return [XMLTag("Role", children: QueryXML.role(role))]
        case "GetRole":
            let role = try await roles.get(accountId: account, name: try parameters.required("RoleName"))
            return [XMLTag("Role", children: QueryXML.role(role))]
        case "ListRoles":
            let page = try await roles.list(accountId: account, pathPrefix: parameters["PathPrefix"], marker: parameters["Marker"],
                                            maxItems: parameters["MaxItems"])
            var result = [
                XMLTag("Roles", children: page.roles.map { XMLTag("member", children: QueryXML.role($0, includeTags: false)) }),
                XMLTag("IsTruncated", page.marker == nil ? "false" : "true"),
            ]
            if let marker = page.marker { result.append(XMLTag("Marker", marker)) }
            return result
        case "DeleteRole":
            try await roles.delete(accountId: account, name: try parameters.required("RoleName"))
            return nil
        case "UpdateAssumeRolePolicy":
            try await roles.updateAssumeRolePolicy(accountId: account, name: try parameters.required("RoleName"),
                                                   document: try parameters.required("PolicyDocument"))
            return nil
        default:
            throw PortlessError(.invalidAction, "Could not find operation \(action) for version \(Self.version)", field: "Action")
        }
    }
}
