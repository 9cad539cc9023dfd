import Foundation
import PortlessCore

/// XML shapes shared by the STS and IAM replies.
enum QueryXML {
    /// ISO 8601 to the second, UTC (`2026-11-25T01:02:03Z`).
    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    static func credentials(_ credentials: IssuedCredentials) -> XMLTag {
        XMLTag("Credentials", children: [
            XMLTag("AccessKeyId", credentials.accessKeyId),
            XMLTag("SecretAccessKey", credentials.secretAccessKey),
            XMLTag("SessionToken", credentials.sessionToken),
            XMLTag("Expiration", timestamp(credentials.expiration)),
        ])
    }

    static func tags(_ tags: [Tag]) -> XMLTag {
        XMLTag("Tags", children: tags.map { XMLTag("member", children: [XMLTag("Key", $0.key), XMLTag("Value", $0.value)]) })
    }

    /// IAM's `Role`; `detailed` is false in `ListRoles`, which returns neither boundary nor tags.
    static func role(_ role: RoleRecord, detailed: Bool = true) -> [XMLTag] {
        var children = [
            XMLTag("Path", role.path),
            XMLTag("RoleName", role.roleName),
            XMLTag("RoleId", role.roleId),
            XMLTag("Arn", role.arn),
            XMLTag("CreateDate", timestamp(role.createDate)),
            XMLTag("AssumeRolePolicyDocument", PolicyDocumentEncoding.encode(role.assumeRolePolicyDocument)),
        ]
        if let description = role.description { children.append(XMLTag("Description", description)) }
        children.append(XMLTag("MaxSessionDuration", String(role.maxSessionDuration)))
        if detailed {
            children += boundary(role.permissionsBoundary)
            if !role.tags.isEmpty { children.append(tags(role.tags)) }
        }
        return children
    }
}
