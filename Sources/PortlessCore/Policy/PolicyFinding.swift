/// An Access-Analyzer-style finding about a policy document (`ValidatePolicy`): errors refuse a write,
/// warnings and suggestions are returned to the caller.
public struct PolicyFinding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error = "ERROR", warning = "WARNING", suggestion = "SUGGESTION" }

    public var severity: Severity
    /// A stable code, e.g. `UNKNOWN_CONDITION_OPERATOR`, `DUPLICATE_SID`, `RESOURCE_NEVER_MATCHES`.
    public var code: String
    public var message: String
    /// 1-based position in the document, where known.
    public var line: Int?
    public var column: Int?

    public init(severity: Severity, code: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }
}
