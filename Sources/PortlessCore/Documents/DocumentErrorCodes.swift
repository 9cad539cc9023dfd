extension PortlessError.Code {
    // SSM document operations.
    public static let invalidDocumentContent = Self("InvalidDocumentContent")
    public static let invalidDocumentSchemaVersion = Self("InvalidDocumentSchemaVersion")
    public static let invalidDocumentOperation = Self("InvalidDocumentOperation")
    public static let documentAlreadyExists = Self("DocumentAlreadyExists")
    public static let maxDocumentSizeExceeded = Self("MaxDocumentSizeExceeded")
    public static let duplicateDocumentContent = Self("DuplicateDocumentContent")
    public static let duplicateDocumentVersionName = Self("DuplicateDocumentVersionName")
    public static let documentVersionLimitExceeded = Self("DocumentVersionLimitExceeded")
    public static let documentLimitExceeded = Self("DocumentLimitExceeded")
    public static let documentPermissionLimit = Self("DocumentPermissionLimit")
    public static let invalidPermissionType = Self("InvalidPermissionType")
}
