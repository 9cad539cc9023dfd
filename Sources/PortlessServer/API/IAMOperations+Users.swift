import Foundation
import PortlessCore

/// IAM user actions: users and login profiles (tags and boundary: `IAMOperations+Attributes`).
extension IAMOperations {
    static let userActions: [String: Handler] = [
        "CreateUser": { iam, p, principal in
            let input = UserService.CreateInput(userName: try p.required("UserName"), path: p["Path"],
                                                permissionsBoundary: p["PermissionsBoundary"], tags: try p.tags("Tags"))
            let user = try await iam.users.create(accountId: principal.accountId, input: input)
            return [XMLTag("User", children: QueryXML.user(user))]
        },
        "GetUser": { iam, p, principal in
            guard let name = try p["UserName"] ?? UserService.callerName(principal) else {
                let created = try await iam.store.accountCreationDate(accountId: principal.accountId) ?? Date(timeIntervalSince1970: 0)
                return [XMLTag("User", children: QueryXML.rootUser(accountId: principal.accountId, createDate: created))]
            }
            let user = try await iam.users.get(accountId: principal.accountId, name: name)
            return [XMLTag("User", children: QueryXML.user(user))]
        },
        "ListUsers": { iam, p, principal in
            let page = try await iam.users.list(accountId: principal.accountId, pathPrefix: p["PathPrefix"], marker: p["Marker"], maxItems: p["MaxItems"])
            return QueryXML.page("Users", page.users.map { QueryXML.user($0, detailed: false) }, marker: page.marker)
        },
        "UpdateUser": { iam, p, principal in
            try await iam.users.update(accountId: principal.accountId, name: try p.required("UserName"), newName: p["NewUserName"], newPath: p["NewPath"])
            return nil
        },
        "DeleteUser": { iam, p, principal in
            try await iam.users.delete(accountId: principal.accountId, name: try p.required("UserName"))
            return nil
        },
    ]
}
