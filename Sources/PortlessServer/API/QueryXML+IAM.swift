import Foundation
import PortlessCore

/// IAM's XML shapes for users, groups, policies, keys, login profiles and MFA devices.
extension QueryXML {
    /// A list of elements and IAM's paging members: `<NAME><member>…</member></NAME><IsTruncated/><Marker/>`.
    static func page(_ name: String, _ members: [[XMLTag]], marker: String?) -> [XMLTag] {
        var result = [
            XMLTag(name, children: members.map { XMLTag("member", children: $0) }),
            XMLTag("IsTruncated", marker == nil ? "false" : "true"),
        ]
        if let marker { result.append(XMLTag("Marker", marker)) }
        return result
    }

    /// A list of texts (`PolicyNames`) with paging members.
    static func textPage(_ name: String, _ values: [String], marker: String?) -> [XMLTag] {
        var result = page(name, [], marker: marker)
        result[0] = XMLTag(name, children: values.map { XMLTag("member", $0) })
        return result
    }

    static func boundary(_ arn: String?) -> [XMLTag] {
        guard let arn else { return [] }
        return [XMLTag("PermissionsBoundary", children: [
            XMLTag("PermissionsBoundaryType", "PermissionsBoundaryPolicy"),
            XMLTag("PermissionsBoundaryArn", arn),
        ])]
    }

    /// IAM's `User`; `ListUsers` and `GetGroup` show neither boundary nor tags (`detailed` false).
    static func user(_ user: UserRecord, detailed: Bool = true) -> [XMLTag] {
        var children = [
            XMLTag("Path", user.path),
            XMLTag("UserName", user.userName),
            XMLTag("UserId", user.userId),
            XMLTag("Arn", user.arn),
            XMLTag("CreateDate", timestamp(user.createDate)),
        ]
        if let used = user.passwordLastUsed { children.append(XMLTag("PasswordLastUsed", timestamp(used))) }
        if detailed {
            children += boundary(user.permissionsBoundary)
            if !user.tags.isEmpty { children.append(tags(user.tags)) }
        }
        return children
    }

    /// `GetUser` for the account's root: its ID is the account ID.
    static func rootUser(accountId: String, createDate: Date) -> [XMLTag] {
        [XMLTag("UserId", accountId), XMLTag("Arn", "arn:aws:iam::\(accountId):root"), XMLTag("CreateDate", timestamp(createDate))]
    }

    static func group(_ group: GroupRecord) -> [XMLTag] {
        [
            XMLTag("Path", group.path),
            XMLTag("GroupName", group.groupName),
            XMLTag("GroupId", group.groupId),
            XMLTag("Arn", group.arn),
            XMLTag("CreateDate", timestamp(group.createDate)),
        ]
    }

    /// IAM's `Policy`; `ListPolicies` shows neither description nor tags (`detailed` false).
    static func policy(_ policy: ManagedPolicy, usage: PolicyUsage, detailed: Bool = true) -> [XMLTag] {
        let (id, description, created, updated): (String, String?, Date, Date) = switch policy {
        case .local(let record): (record.policyId, record.description, record.createDate, record.updateDate)
        case .aws(let record): (record.policyId, record.description, record.createDate, record.updateDate)
        }
        var children = [
            XMLTag("PolicyName", policy.name),
            XMLTag("PolicyId", id),
            XMLTag("Arn", policy.arn),
            XMLTag("Path", policy.path),
            XMLTag("DefaultVersionId", policy.defaultVersionId),
            XMLTag("AttachmentCount", String(usage.attachments)),
            XMLTag("PermissionsBoundaryUsageCount", String(usage.boundaries)),
            XMLTag("IsAttachable", "true"),
        ]
        if detailed, let description { children.append(XMLTag("Description", description)) }
        children += [XMLTag("CreateDate", timestamp(created)), XMLTag("UpdateDate", timestamp(updated))]
        if detailed && !policy.tags.isEmpty { children.append(tags(policy.tags)) }
        return children
    }

    /// IAM's `PolicyVersion`, its document URL-encoded as IAM sends it; `ListPolicyVersions` leaves the document out.
    static func policyVersion(_ version: PolicyVersionRecord, isDefault: Bool, withDocument: Bool = true) -> [XMLTag] {
        var children: [XMLTag] = []
        if withDocument { children.append(XMLTag("Document", PolicyDocumentEncoding.encode(version.document))) }
        children += [
            XMLTag("VersionId", version.versionId),
            XMLTag("IsDefaultVersion", isDefault ? "true" : "false"),
            XMLTag("CreateDate", timestamp(version.createDate)),
        ]
        return children
    }

    static func attachedPolicy(_ arn: PolicyARN) -> [XMLTag] {
        [XMLTag("PolicyName", arn.policyName), XMLTag("PolicyArn", arn.string)]
    }

    /// IAM's `AccessKey` (with the secret, once) or `AccessKeyMetadata` (without).
    static func accessKey(_ key: AccessKeyRecord, secret: String? = nil) -> [XMLTag] {
        var children = [XMLTag("UserName", key.userName), XMLTag("AccessKeyId", key.accessKeyId), XMLTag("Status", key.status.rawValue)]
        if let secret { children.append(XMLTag("SecretAccessKey", secret)) }
        children.append(XMLTag("CreateDate", timestamp(key.createdAt)))
        return children
    }

    /// `AccessKeyLastUsed`: `N/A` for service and region of a key never used.
    static func accessKeyLastUsed(_ use: AccessKeyLastUse?) -> XMLTag {
        var children: [XMLTag] = []
        if let use { children.append(XMLTag("LastUsedDate", timestamp(use.date))) }
        children += [XMLTag("ServiceName", use?.serviceName ?? "N/A"), XMLTag("Region", use?.region ?? "N/A")]
        return XMLTag("AccessKeyLastUsed", children: children)
    }

    static func loginProfile(userName: String, _ profile: LoginProfileRecord) -> XMLTag {
        XMLTag("LoginProfile", children: [
            XMLTag("UserName", userName),
            XMLTag("CreateDate", timestamp(profile.createDate)),
            XMLTag("PasswordResetRequired", profile.passwordResetRequired ? "true" : "false"),
        ])
    }

    /// IAM's `MFADevice` (an enabled device of a user).
    static func mfaDevice(_ device: MFADeviceRecord) -> [XMLTag] {
        [
            XMLTag("UserName", device.userName ?? ""),
            XMLTag("SerialNumber", device.serialNumber),
            XMLTag("EnableDate", timestamp(device.enableDate ?? device.createDate)),
        ]
    }

    /// IAM's `VirtualMFADevice`; `seed` (the Base32 text, sent base64-encoded) only when it is created.
    static func virtualMFADevice(_ device: MFADeviceRecord, user: UserRecord?, seed: [UInt8]? = nil) -> [XMLTag] {
        var children = [XMLTag("SerialNumber", device.serialNumber)]
        if let seed { children.append(XMLTag("Base32StringSeed", Data(Base32.encode(seed).utf8).base64EncodedString())) }
        if let user { children.append(XMLTag("User", children: self.user(user, detailed: false))) }
        if let enabled = device.enableDate { children.append(XMLTag("EnableDate", timestamp(enabled))) }
        if !device.tags.isEmpty { children.append(tags(device.tags)) }
        return children
    }
}
