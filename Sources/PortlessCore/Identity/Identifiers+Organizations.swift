extension Identifiers {
    private static let lowerAlphanumerics = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// An organization ID: `o-` and 10 lower-case alphanumerics.
    public static func organizationID() -> String { "o-" + random(10, from: lowerAlphanumerics) }

    /// A root ID: `r-` and 4 lower-case alphanumerics.
    public static func organizationRootID() -> String { "r-" + random(4, from: lowerAlphanumerics) }

    /// A customer-managed organization policy ID: `p-` and 8 lower-case alphanumerics.
    public static func organizationPolicyID() -> String { "p-" + random(8, from: lowerAlphanumerics) }

    /// A `CreateAccount` request ID: `car-` and 32 lower-case alphanumerics.
    public static func createAccountRequestID() -> String { "car-" + random(32, from: lowerAlphanumerics) }
}
