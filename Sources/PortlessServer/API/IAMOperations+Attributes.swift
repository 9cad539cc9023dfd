import Foundation
import PortlessCore

/// Tag, Untag, List…Tags, Put…PermissionsBoundary and Delete…PermissionsBoundary, the same for users and roles.
extension IAMOperations {
    static let attributeActions: [String: Handler] = attributeActions(
        "User", nameField: "UserName", { $0.users.attributes }, tags: { iam, account, name in try await iam.users.get(accountId: account, name: name).tags }
    ).merging(attributeActions(
        "Role", nameField: "RoleName", { $0.roles.attributes }, tags: { iam, account, name in try await iam.roles.get(accountId: account, name: name).tags }
    )) { first, _ in first }

    private static func attributeActions<Entity>(
        _ entity: String, nameField: String, _ attributes: @escaping @Sendable (IAMOperations) -> EntityAttributes<Entity>,
        tags: @escaping @Sendable (IAMOperations, String, String) async throws -> [Tag]
    ) -> [String: Handler] {
        [
            "Tag\(entity)": { iam, p, principal in
                try await attributes(iam).tag(accountId: principal.accountId, name: try p.required(nameField), tags: try p.tags("Tags"))
                return nil
            },
            "Untag\(entity)": { iam, p, principal in
                try await attributes(iam).untag(accountId: principal.accountId, name: try p.required(nameField), keys: p.members("TagKeys"))
                return nil
            },
            "List\(entity)Tags": { iam, p, principal in
                try tagPage(try await tags(iam, principal.accountId, try p.required(nameField)), p)
            },
            "Put\(entity)PermissionsBoundary": { iam, p, principal in
                try await attributes(iam).putBoundary(accountId: principal.accountId, name: try p.required(nameField),
                                                      arn: try p.required("PermissionsBoundary"))
                return nil
            },
            "Delete\(entity)PermissionsBoundary": { iam, p, principal in
                try await attributes(iam).deleteBoundary(accountId: principal.accountId, name: try p.required(nameField))
                return nil
            },
        ]
    }
}
