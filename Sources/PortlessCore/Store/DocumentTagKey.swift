/// How document tags are keyed in the tag table.
public enum DocumentTagKey {
    /// The tag table's resource type for documents.
    public static let resourceType = "Document"

    /// The resource ID of a document: account and name, since names are unique per account.
    public static func resourceId(accountId: String, name: String) -> String { "\(accountId)/\(name)" }
}
