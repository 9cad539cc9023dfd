import Foundation
import PortlessCore

/// IAM group actions and group membership.
extension IAMOperations {
    static let groupActions: [String: Handler] = [
        "CreateGroup": { iam, p, principal in
            let group = try await iam.groups.create(accountId: principal.accountId, name: try p.required("GroupName"), path: p["Path"])
            return [XMLTag("Group", children: QueryXML.group(group))]
        },
        "GetGroup": { iam, p, principal in
            let (group, users, marker) = try await iam.groups.get(accountId: principal.accountId, name: try p.required("GroupName"),
                                                                  marker: p["Marker"], maxItems: p["MaxItems"])
            return [XMLTag("Group", children: QueryXML.group(group))] + QueryXML.page("Users", users.map { QueryXML.user($0, detailed: false) }, marker: marker)
        },
        "ListGroups": { iam, p, principal in
            let page = try await iam.groups.list(accountId: principal.accountId, pathPrefix: p["PathPrefix"], marker: p["Marker"], maxItems: p["MaxItems"])
            return QueryXML.page("Groups", page.groups.map(QueryXML.group), marker: page.marker)
        },
        "DeleteGroup": { iam, p, principal in
            try await iam.groups.delete(accountId: principal.accountId, name: try p.required("GroupName"))
            return nil
        },
        "AddUserToGroup": { iam, p, principal in
            try await iam.groups.addUser(accountId: principal.accountId, groupName: try p.required("GroupName"), userName: try p.required("UserName"))
            return nil
        },
        "RemoveUserFromGroup": { iam, p, principal in
            try await iam.groups.removeUser(accountId: principal.accountId, groupName: try p.required("GroupName"), userName: try p.required("UserName"))
            return nil
        },
        "ListGroupsForUser": { iam, p, principal in
            let page = try await iam.groups.groups(accountId: principal.accountId, forUser: try p.required("UserName"),
                                                   marker: p["Marker"], maxItems: p["MaxItems"])
            return QueryXML.page("Groups", page.groups.map(QueryXML.group), marker: page.marker)
        },
    ]
}
