import PortlessCore

extension OperationTable {
    /// KMS (`TrentService.*`). An operation on a key is decided by the KMS service once it has found the key (by ID,
    /// ARN, alias, or the ciphertext's own key ID), with the key policy as the resource policy; the rest are on `*`.
    static let kms: [String: OperationRule] = {
        var rules = same("kms", ["CreateKey", "ListKeys", "ListAliases"])
        for name in ["DescribeKey", "EnableKey", "DisableKey", "ScheduleKeyDeletion", "CancelKeyDeletion", "EnableKeyRotation",
                     "DisableKeyRotation", "GetKeyRotationStatus", "RotateKeyOnDemand", "GetKeyPolicy", "PutKeyPolicy", "ListResourceTags",
                     "CreateAlias", "UpdateAlias", "DeleteAlias", "Encrypt", "Decrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext"] {
            rules[name] = .decided(by: .service, "kms:\(name)")
        }
        rules["ReEncrypt"] = .decided(by: .service, "kms:ReEncryptFrom")
        return rules
    }()
}
