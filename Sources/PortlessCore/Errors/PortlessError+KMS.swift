extension PortlessError.Code {
    // KMS (JSON 1.1, `TrentService.*`); every error is HTTP 400 as KMS sends them.
    public static let kmsNotFound = Self("NotFoundException")
    public static let kmsAlreadyExists = Self("AlreadyExistsException")
    public static let kmsDisabled = Self("DisabledException")
    public static let kmsInvalidState = Self("KMSInvalidStateException")
    public static let kmsInvalidCiphertext = Self("InvalidCiphertextException")
    public static let kmsIncorrectKey = Self("IncorrectKeyException")
    public static let kmsNotAuthorized = Self("NotAuthorizedException")
    public static let kmsMalformedPolicy = Self("MalformedPolicyDocumentException")
    public static let kmsInvalidMarker = Self("InvalidMarkerException")
    public static let kmsUnsupportedOperation = Self("UnsupportedOperationException")
}

/// KMS's errors in KMS's words (as its replies and moto's recordings of them word them).
public enum KMSErrors {
    /// A key ID or ARN that names no key.
    public static func keyNotFound(_ arn: String) -> PortlessError { PortlessError(aws: .kmsNotFound, "Key '\(arn)' does not exist", field: "KeyId") }

    /// An alias that names no key.
    public static func aliasNotFound(_ aliasArn: String) -> PortlessError {
        PortlessError(aws: .kmsNotFound, "Alias \(aliasArn) is not found.", field: "KeyId")
    }

    /// A `KeyId` that is neither a key ID, a key ARN, an alias name nor an alias ARN.
    public static func invalidKeyId(_ text: String) -> PortlessError { PortlessError(aws: .kmsNotFound, "Invalid keyId '\(text)'", field: "KeyId") }

    public static func disabled(_ arn: String) -> PortlessError { PortlessError(aws: .kmsDisabled, "\(arn) is disabled.", field: "KeyId") }

    public static func pendingDeletion(_ arn: String) -> PortlessError {
        PortlessError(aws: .kmsInvalidState, "\(arn) is pending deletion.", field: "KeyId")
    }

    public static func notPendingDeletion(_ arn: String) -> PortlessError {
        PortlessError(aws: .kmsInvalidState, "\(arn) is not pending deletion.", field: "KeyId")
    }

    public static func aliasExists(_ aliasArn: String) -> PortlessError {
        PortlessError(aws: .kmsAlreadyExists, "An alias with the name \(aliasArn) already exists", field: "AliasName")
    }

    /// `alias/aws/…` belongs to AWS's own keys (KMS sends no message; Portless says why).
    public static let reservedAlias = PortlessError(.kmsNotAuthorized, "Aliases beginning with alias/aws/ are reserved for AWS managed keys.",
                                                    field: "AliasName")

    /// A ciphertext this server did not make, or one whose encryption context differs (KMS sends no message; Portless
    /// says no more than that).
    public static let invalidCiphertext = PortlessError(.kmsInvalidCiphertext, "The ciphertext cannot be decrypted with this key and encryption context.",
                                                        field: "CiphertextBlob")

    /// Decrypt/ReEncrypt given a `KeyId` other than the one that made the ciphertext.
    public static let incorrectKey = PortlessError(aws: .kmsIncorrectKey,
                                                   "The key ID in the request does not identify a CMK that can perform this operation.",
                                                   field: "KeyId")

    /// A key policy that would not let its author change it again (unless BypassPolicyLockoutSafetyCheck).
    public static let policyLockout = PortlessError(aws: .kmsMalformedPolicy,
                                                    "The new key policy will not allow you to update the key policy in the future.", field: "Policy")

    /// GenerateDataKey with both or neither of `NumberOfBytes` and `KeySpec`.
    public static let dataKeySize = PortlessError(aws: .validation, "Please specify either number of bytes or key spec.", field: "NumberOfBytes")
}
