import Foundation
import PortlessCore

/// Finds the resources an operation names — their ARNs, owning accounts, tags and own policies — for the
/// operation table. The one reader of resources for authorization.
struct ResourceResolver: Sendable {
    let store: any Store & IdentityStore
    let region: String

    /// A managed node (`arn:aws:ssm:REGION:ACCOUNT:managed-instance/mi-…`) with its tags; an unknown node is
    /// named in the caller's account (the operation then refuses it as unknown).
    func node(_ id: String, callerAccount: String) async throws -> ResourceRef {
        let owner = try await store.node(id: id)?.accountId ?? callerAccount
        let tags = try await store.tags(resourceType: NodeService.resourceType, resourceId: id)
        return ResourceRef(arn: ARN.managedInstance(region: region, account: owner, id: id), accountId: owner, tags: tags, tagService: "ssm")
    }

    /// Managed nodes whose tags are already known (targets resolved by the service).
    func nodes(_ nodes: [(id: String, tags: [Tag])], account: String) -> [ResourceRef] {
        nodes.map { ResourceRef(arn: ARN.managedInstance(region: region, account: account, id: $0.id), accountId: account, tags: $0.tags, tagService: "ssm") }
    }

    /// A document by name or ARN: AWS's own documents have no account in their ARN
    /// (`arn:aws:ssm:REGION::document/AWS-RunShellScript`). Documents shared with the caller are decided by the
    /// share, so no document is treated as another account's here.
    func document(_ nameOrArn: String, callerAccount: String) async throws -> ResourceRef {
        if nameOrArn.hasPrefix("arn:") { return ResourceRef(arn: nameOrArn, accountId: nil) }
        if DocumentCatalog.isBuiltin(nameOrArn) {
            return ResourceRef(arn: "arn:aws:ssm:\(region)::document/\(nameOrArn)", accountId: nil)
        }
        let tags = try await store.tags(resourceType: DocumentTagKey.resourceType,
                                        resourceId: DocumentTagKey.resourceId(accountId: callerAccount, name: nameOrArn))
        return ResourceRef(arn: ARN.document(region: region, account: callerAccount, name: nameOrArn), accountId: callerAccount,
                           tags: tags, tagService: "ssm")
    }

    /// An IAM role with its path and tags (a role not yet made is named with `path`).
    func role(_ name: String, account: String, path: String = "/") async throws -> ResourceRef {
        let role = try await store.role(accountId: account, name: name)
        return ResourceRef(arn: ARN.role(account: account, path: role?.path ?? path, name: role?.roleName ?? name), accountId: account,
                           tags: role?.tags ?? [], tagService: "iam")
    }

    /// An IAM user with its path and tags (a user not yet made is named with `path`).
    func user(_ name: String, account: String, path: String = "/") async throws -> ResourceRef {
        let user = try await store.user(accountId: account, name: name)
        return iam("user", (user?.path ?? path) + (user?.userName ?? name), account: account, tags: user?.tags ?? [])
    }

    /// An IAM group with its path.
    func group(_ name: String, account: String, path: String = "/") async throws -> ResourceRef {
        let group = try await store.group(accountId: account, name: name)
        return iam("group", (group?.path ?? path) + (group?.groupName ?? name), account: account)
    }

    /// Any IAM entity of `account` by kind (`user`, `group`, `policy`, `mfa`, ...) and path-qualified name.
    func iam(_ kind: String, _ nameWithPath: String, account: String, tags: [Tag] = []) -> ResourceRef {
        let qualified = nameWithPath.hasPrefix("/") ? String(nameWithPath.dropFirst()) : nameWithPath
        return ResourceRef(arn: "arn:aws:iam::\(account):\(kind)/\(qualified)", accountId: account, tags: tags, tagService: "iam")
    }
}
