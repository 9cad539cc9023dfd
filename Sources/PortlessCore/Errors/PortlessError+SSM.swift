extension PortlessError {
    // SSM's texts for its document errors, as moto sends them and its tests assert them
    // (`moto/ssm/models.py`); SSM's API reference words InvalidDocument the same way.

    /// `InvalidDocument`: no document by that name (or ARN) for this account.
    public static func documentNotFound(field: String = "Name") -> PortlessError {
        PortlessError(aws: .invalidDocument, "The specified document does not exist.", field: field)
    }

    /// `InvalidDocumentVersion`: the version (or version name) asked for is not one the document has or allows.
    public static func documentVersionNotFound(field: String = "DocumentVersion") -> PortlessError {
        PortlessError(aws: .invalidDocumentVersion, "The document version is not valid or does not exist.", field: field)
    }

    /// `DocumentAlreadyExists`: CreateDocument with a name this account already uses.
    public static func documentExists(field: String = "Name") -> PortlessError {
        PortlessError(aws: .documentAlreadyExists, "The specified document already exists.", field: field)
    }
}

extension PortlessError.Code {
    // PutComplianceItems and the compliance lists (botocore's SSM model).
    public static let invalidItemContent = Self("InvalidItemContentException")
    public static let itemSizeLimitExceeded = Self("ItemSizeLimitExceededException")
    public static let totalSizeLimitExceeded = Self("TotalSizeLimitExceededException")
    public static let complianceTypeCountLimitExceeded = Self("ComplianceTypeCountLimitExceededException")
}
