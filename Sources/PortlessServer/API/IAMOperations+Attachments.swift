import Foundation
import PortlessCore

/// Inline policies of, and managed policies attached to, users, groups and roles. `ListEntitiesForPolicy`
/// answers with every entity in one page (`IsTruncated` false).
extension IAMOperations {
    static let attachmentActions: [String: Handler] = {
        var actions: [String: Handler] = [
            "ListEntitiesForPolicy": { iam, p, principal in
                let found = try await iam.attachments.entities(accountId: principal.accountId, policyArn: try p.required("PolicyArn"),
                                                               entityFilter: p["EntityFilter"], pathPrefix: p["PathPrefix"],
                                                               usageFilter: p["PolicyUsageFilter"])
                if let maxItems = p["MaxItems"] { _ = try IAMValidation.integer(maxItems, field: "MaxItems", in: 1...1000) }
                return [
                    XMLTag("PolicyGroups", children: found.groups.map { XMLTag("member", children: [XMLTag("GroupName", $0.groupName), XMLTag("GroupId", $0.groupId)]) }),
                    XMLTag("PolicyUsers", children: found.users.map { XMLTag("member", children: [XMLTag("UserName", $0.userName), XMLTag("UserId", $0.userId)]) }),
                    XMLTag("PolicyRoles", children: found.roles.map { XMLTag("member", children: [XMLTag("RoleName", $0.roleName), XMLTag("RoleId", $0.roleId)]) }),
                    XMLTag("IsTruncated", "false"),
                ]
            },
        ]
        let kinds: [(String, @Sendable (String) -> IAMEntity)] = [("User", IAMEntity.user), ("Group", IAMEntity.group), ("Role", IAMEntity.role)]
        for (kind, entity) in kinds {
            let nameField = "\(kind)Name"
            actions["Put\(kind)Policy"] = { iam, p, principal in
                try await iam.inline.put(accountId: principal.accountId, entity: entity(try p.required(nameField)),
                                         name: try p.required("PolicyName"), document: try p.required("PolicyDocument"))
                return nil
            }
            actions["Get\(kind)Policy"] = { iam, p, principal in
                let owner = entity(try p.required(nameField))
                let policy = try await iam.inline.get(accountId: principal.accountId, entity: owner, name: try p.required("PolicyName"))
                return [XMLTag(nameField, owner.name), XMLTag("PolicyName", policy.name),
                        XMLTag("PolicyDocument", PolicyDocumentEncoding.encode(policy.document))]
            }
            actions["Delete\(kind)Policy"] = { iam, p, principal in
                try await iam.inline.delete(accountId: principal.accountId, entity: entity(try p.required(nameField)), name: try p.required("PolicyName"))
                return nil
            }
            actions["List\(kind)Policies"] = { iam, p, principal in
                let page = try await iam.inline.list(accountId: principal.accountId, entity: entity(try p.required(nameField)),
                                                     marker: p["Marker"], maxItems: p["MaxItems"])
                return QueryXML.textPage("PolicyNames", page.names, marker: page.marker)
            }
            actions["Attach\(kind)Policy"] = { iam, p, principal in
                try await iam.attachments.attach(accountId: principal.accountId, entity: entity(try p.required(nameField)),
                                                 policyArn: try p.required("PolicyArn"))
                return nil
            }
            actions["Detach\(kind)Policy"] = { iam, p, principal in
                try await iam.attachments.detach(accountId: principal.accountId, entity: entity(try p.required(nameField)),
                                                 policyArn: try p.required("PolicyArn"))
                return nil
            }
            actions["ListAttached\(kind)Policies"] = { iam, p, principal in
                let page = try await iam.attachments.listAttached(accountId: principal.accountId, entity: entity(try p.required(nameField)),
                                                                  pathPrefix: p["PathPrefix"], marker: p["Marker"], maxItems: p["MaxItems"])
                return QueryXML.page("AttachedPolicies", page.policies.map(QueryXML.attachedPolicy), marker: page.marker)
            }
        }
        return actions
    }()
}
