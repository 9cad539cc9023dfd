import PortlessCore

extension OperationTable {
    /// IAM. Each operation is decided on the entity it names (its ARN with its path); operations that may
    /// leave out `UserName` act on the caller's own user, as IAM's do.
    static let iam: [String: OperationRule] = {
        var rules = same("iam", ["ListUsers", "ListGroups", "ListRoles", "ListPolicies", "ListVirtualMFADevices",
                                 "GetAccessKeyLastUsed", "SimulateCustomPolicy", "GetAccountAuthorizationDetails"])
        let userOperations = ["CreateUser", "GetUser", "UpdateUser", "DeleteUser", "ListGroupsForUser", "PutUserPolicy", "GetUserPolicy",
                              "DeleteUserPolicy", "ListUserPolicies", "AttachUserPolicy", "DetachUserPolicy", "ListAttachedUserPolicies",
                              "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary", "CreateAccessKey", "ListAccessKeys",
                              "UpdateAccessKey", "DeleteAccessKey", "TagUser", "UntagUser", "ListUserTags", "CreateLoginProfile",
                              "GetLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile", "ChangePassword", "EnableMFADevice",
                              "DeactivateMFADevice", "ListMFADevices"]
        for name in userOperations {
            rules[name] = OperationRule("iam:\(name)", requestTagsField: tagging(name), resources: { input in
                let userName = input.fields.string("UserName") ?? (input.principal.assumedRole == nil ? input.principal.userName : "")
                return [try await input.resolver.user(userName, account: input.account, path: input.fields.string("Path") ?? "/")]
            }, keys: iamKeys(name))
        }
        let groupOperations = ["CreateGroup", "GetGroup", "DeleteGroup", "AddUserToGroup", "RemoveUserFromGroup", "PutGroupPolicy",
                               "GetGroupPolicy", "DeleteGroupPolicy", "ListGroupPolicies", "AttachGroupPolicy", "DetachGroupPolicy",
                               "ListAttachedGroupPolicies"]
        for name in groupOperations {
            rules[name] = OperationRule("iam:\(name)", resources: { input in
                [try await input.resolver.group(input.fields.string("GroupName") ?? "", account: input.account,
                                                path: input.fields.string("Path") ?? "/")]
            }, keys: iamKeys(name))
        }
        let roleOperations = ["CreateRole", "GetRole", "DeleteRole", "UpdateRole", "UpdateAssumeRolePolicy", "PutRolePolicy", "GetRolePolicy",
                              "DeleteRolePolicy", "ListRolePolicies", "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies",
                              "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary", "TagRole", "UntagRole", "ListRoleTags"]
        for name in roleOperations {
            rules[name] = OperationRule("iam:\(name)", requestTagsField: tagging(name), resources: { input in
                [try await input.resolver.role(input.fields.string("RoleName") ?? "", account: input.account,
                                               path: input.fields.string("Path") ?? "/")]
            }, keys: iamKeys(name))
        }
        let policyOperations = ["GetPolicy", "DeletePolicy", "CreatePolicyVersion", "GetPolicyVersion", "ListPolicyVersions",
                                "SetDefaultPolicyVersion", "DeletePolicyVersion", "TagPolicy", "UntagPolicy", "ListPolicyTags",
                                "ListEntitiesForPolicy"]
        for name in policyOperations {
            rules[name] = OperationRule("iam:\(name)", requestTagsField: tagging(name), resources: { input in
                [ResourceRef(arn: input.fields.string("PolicyArn") ?? "", accountId: nil)]
            }, keys: iamKeys(name))
        }
        rules["CreatePolicy"] = OperationRule("iam:CreatePolicy", requestTagsField: "Tags") { input in
            [input.resolver.iam("policy", (input.fields.string("Path") ?? "/") + (input.fields.string("PolicyName") ?? ""), account: input.account)]
        }
        rules["CreateVirtualMFADevice"] = OperationRule("iam:CreateVirtualMFADevice", requestTagsField: "Tags") { input in
            [input.resolver.iam("mfa", (input.fields.string("Path") ?? "/") + (input.fields.string("VirtualMFADeviceName") ?? ""),
                                account: input.account)]
        }
        rules["DeleteVirtualMFADevice"] = OperationRule("iam:DeleteVirtualMFADevice") { input in
            [ResourceRef(arn: input.fields.string("SerialNumber") ?? "", accountId: input.account)]
        }
        rules["SimulatePrincipalPolicy"] = OperationRule("iam:SimulatePrincipalPolicy") { input in
            [ResourceRef(arn: input.fields.string("PolicySourceArn") ?? "", accountId: input.account)]
        }
        return rules
    }()

    /// The field whose tags an operation sets (`aws:RequestTag/*`, `aws:TagKeys`).
    private static func tagging(_ operation: String) -> String? {
        operation.hasPrefix("Create") || operation.hasPrefix("Tag") ? "Tags" : nil
    }

    /// IAM's own condition keys: `iam:PolicyARN` when attaching or detaching, `iam:PermissionsBoundary` when
    /// setting a boundary, and the keys an untag removes as `aws:TagKeys`.
    private static func iamKeys(_ operation: String) -> OperationRule.Keys {
        { input in
            var keys: [String: [ConditionValue]] = [:]
            if operation.hasPrefix("Attach") || operation.hasPrefix("Detach"), let arn = input.fields.string("PolicyArn") {
                keys["iam:PolicyARN"] = [.string(arn)]
            }
            if let boundary = input.fields.string("PermissionsBoundary") { keys["iam:PermissionsBoundary"] = [.string(boundary)] }
            if operation.hasPrefix("Untag") { keys["aws:TagKeys"] = input.fields.strings("TagKeys").map { .string($0) } }
            return keys
        }
    }
}
