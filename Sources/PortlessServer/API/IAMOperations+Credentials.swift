import Foundation
import PortlessCore

/// Access keys and console passwords (login profiles).
extension IAMOperations {
    static let credentialActions: [String: Handler] = [
        "CreateAccessKey": { iam, p, principal in
            let (key, secret) = try await iam.accessKeys.create(principal: principal, userName: p["UserName"])
            return [XMLTag("AccessKey", children: QueryXML.accessKey(key, secret: secret))]
        },
        "ListAccessKeys": { iam, p, principal in
            let page = try await iam.accessKeys.list(principal: principal, userName: p["UserName"], marker: p["Marker"], maxItems: p["MaxItems"])
            return QueryXML.page("AccessKeyMetadata", page.keys.map { QueryXML.accessKey($0) }, marker: page.marker)
        },
        "UpdateAccessKey": { iam, p, principal in
            try await iam.accessKeys.update(principal: principal, userName: p["UserName"], accessKeyId: try p.required("AccessKeyId"),
                                            status: try p.required("Status"))
            return nil
        },
        "DeleteAccessKey": { iam, p, principal in
            try await iam.accessKeys.delete(principal: principal, userName: p["UserName"], accessKeyId: try p.required("AccessKeyId"))
            return nil
        },
        "GetAccessKeyLastUsed": { iam, p, principal in
            let key = try await iam.accessKeys.lastUsed(accountId: principal.accountId, accessKeyId: try p.required("AccessKeyId"))
            return [XMLTag("UserName", key.userName), QueryXML.accessKeyLastUsed(key.lastUsed)]
        },
        "CreateLoginProfile": { iam, p, principal in
            let name = try loginProfileUser(p, principal)
            let (user, profile) = try await iam.loginProfiles.create(accountId: principal.accountId, userName: name, password: try p.required("Password"),
                                                                     resetRequired: try bool(p, "PasswordResetRequired") ?? false)
            return [QueryXML.loginProfile(userName: user.userName, profile)]
        },
        "GetLoginProfile": { iam, p, principal in
            let (user, profile) = try await iam.loginProfiles.get(accountId: principal.accountId, userName: try loginProfileUser(p, principal))
            return [QueryXML.loginProfile(userName: user.userName, profile)]
        },
        "UpdateLoginProfile": { iam, p, principal in
            try await iam.loginProfiles.update(accountId: principal.accountId, userName: try p.required("UserName"), password: p["Password"],
                                               resetRequired: try bool(p, "PasswordResetRequired"))
            return nil
        },
        "DeleteLoginProfile": { iam, p, principal in
            try await iam.loginProfiles.delete(accountId: principal.accountId, userName: try loginProfileUser(p, principal))
            return nil
        },
        "ChangePassword": { iam, p, principal in
            try await iam.loginProfiles.changePassword(principal: principal, oldPassword: try p.required("OldPassword"),
                                                       newPassword: try p.required("NewPassword"))
            return nil
        },
    ]

    /// `UserName`, or the calling user's (login profiles belong to users, never to the root here).
    static func loginProfileUser(_ p: QueryParameters, _ principal: Principal) throws -> String {
        if let name = p["UserName"] { return name }
        guard let name = try UserService.callerName(principal) else {
            throw PortlessError(.validationError, "The account's root has no login profile here; name the user.", field: "UserName")
        }
        return name
    }
}
