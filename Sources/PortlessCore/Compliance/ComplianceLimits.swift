/// The limits PutComplianceItems enforces. The per-call item count, the title, details and hash lengths
/// are botocore's SSM model's; the ten custom types are AWS's (ComplianceTypeCountLimitExceededException);
/// the two size limits are Portless's (AWS publishes none).
public enum ComplianceLimits {
    public static let maxItemsPerCall = 10_000
    public static let maxTitleLength = 500
    public static let detailKeyLength = 1...64
    public static let maxDetailValueLength = 4096
    public static let maxItemContentHashLength = 256
    public static let maxExecutionIdLength = 100
    public static let maxExecutionTypeLength = 50
    public static let resourceIdLength = 1...100
    public static let resourceTypeLength = 1...50
    /// Custom compliance types one resource may have.
    public static let maxCustomTypesPerResource = 10
    /// Bytes of one item's content (ID, title, details).
    public static let maxItemSize = 64 * 1024
    /// Bytes of all the items a resource holds, over every compliance type.
    public static let maxTotalSizePerResource = 4 * 1024 * 1024
}
