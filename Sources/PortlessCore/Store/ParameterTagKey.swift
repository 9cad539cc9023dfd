/// How parameter tags are keyed in the tag table.
public enum ParameterTagKey {
    /// The tag table's resource type for parameters, as `AddTagsToResource` names it.
    public static let resourceType = "Parameter"

    /// The resource ID of a parameter: account and name, since names are unique per account.
    public static func resourceId(accountId: String, name: String) -> String { "\(accountId)/\(name)" }
}
