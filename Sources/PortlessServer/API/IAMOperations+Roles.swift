import Foundation
import PortlessCore

/// IAM role actions (tags and boundary: `IAMOperations+Attributes`).
extension IAMOperations {
    static let roleActions: [String: Handler] = [
        "CreateRole": { iam, p, principal in
            let input = RoleService.CreateInput(roleName: try p.required("RoleName"),
                                                assumeRolePolicyDocument: try p.required("AssumeRolePolicyDocument"),
                                                path: p["Path"], description: p["Description"], maxSessionDuration: p["MaxSessionDuration"],
                                                permissionsBoundary: p["PermissionsBoundary"], tags: try p.tags("Tags"))
            let role = try await iam.roles.create(accountId: principal.accountId, input: input)
            return [XMLTag("Role", children: QueryXML.role(role))]
        },
        "GetRole": { iam, p, principal in
            let role = try await iam.roles.get(accountId: principal.accountId, name: try p.required("RoleName"))
            return [XMLTag("Role", children: QueryXML.role(role))]
        },
        "ListRoles": { iam, p, principal in
            let page = try await iam.roles.list(accountId: principal.accountId, pathPrefix: p["PathPrefix"], marker: p["Marker"], maxItems: p["MaxItems"])
            return QueryXML.page("Roles", page.roles.map { QueryXML.role($0, detailed: false) }, marker: page.marker)
        },
        "DeleteRole": { iam, p, principal in
            try await iam.roles.delete(accountId: principal.accountId, name: try p.required("RoleName"))
            return nil
        },
        "UpdateAssumeRolePolicy": { iam, p, principal in
            try await iam.roles.updateAssumeRolePolicy(accountId: principal.accountId, name: try p.required("RoleName"),
                                                       document: try p.required("PolicyDocument"))
            return nil
        },
    ]

    /// `ListUserTags`, `ListRoleTags`, `ListPolicyTags`: the tags, a page at a time (required `Tags`).
    static func tagPage(_ tags: [Tag], _ p: QueryParameters) throws -> [XMLTag] {
        let page = try IAMPaging.page(tags.sorted { $0.key < $1.key }, key: { $0.key }, marker: p["Marker"], maxItems: p["MaxItems"])
        return QueryXML.page("Tags", page.items.map { [XMLTag("Key", $0.key), XMLTag("Value", $0.value)] }, marker: page.marker)
    }
}
