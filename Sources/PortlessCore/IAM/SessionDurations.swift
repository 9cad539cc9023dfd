/// How long STS credentials may live, in seconds.
///
/// `minimum` is 900 (15 minutes) as in AWS; only tests lower it (the server's test-only
/// `PORTLESS_TEST_MIN_SESSION_SECONDS`), so that expiry can be seen without waiting 15 minutes.
public struct SessionDurations: Sendable, Equatable {
    public static let getSessionTokenDefault = 43_200
    public static let getSessionTokenMaximum = 129_600
    public static let assumeRoleDefault = 3_600
    public static let assumeRoleMaximum = 43_200
    /// Role chaining (assuming a role with assumed-role credentials) is limited to one hour.
    public static let chainedMaximum = 3_600

    public var minimum: Int

    public init(minimum: Int = 900) { self.minimum = minimum }

    /// `GetSessionToken`'s `DurationSeconds`: minimum–129600, default 43200.
    public func getSessionToken(_ requested: String?) throws -> Int {
        guard let requested else { return Self.getSessionTokenDefault }
        return try IAMValidation.integer(requested, field: "DurationSeconds", in: minimum...Self.getSessionTokenMaximum)
    }

    /// `AssumeRole`'s `DurationSeconds`: minimum–43200 and at most the role's `MaxSessionDuration` (one hour
    /// when chained), default 3600.
    public func assumeRole(_ requested: String?, roleMaximum: Int, chained: Bool) throws -> Int {
        guard let requested else { return Self.assumeRoleDefault }
        let value = try IAMValidation.integer(requested, field: "DurationSeconds", in: minimum...Self.assumeRoleMaximum)
        if chained && value > Self.chainedMaximum {
            throw PortlessError(aws: .validationError, "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", field: "DurationSeconds")
        }
        guard value <= roleMaximum else {
            throw PortlessError(aws: .validationError, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", field: "DurationSeconds")
        }
        return value
    }
}
