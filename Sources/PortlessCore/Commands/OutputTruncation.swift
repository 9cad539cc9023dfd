/// The output limits SSM applies to command output returned by the API.
public enum OutputTruncation {
    public static let standardOutputLimit = 24_000
    public static let standardErrorLimit = 8_000
    public static let pluginOutputLimit = 2_500
    public static let outputMarker = "\n---Output truncated---"
    public static let errorMarker = "\n---Error truncated----"
    public static let errorSeparator = "\n----------ERROR-------\n"

    /// `StandardOutputContent` of GetCommandInvocation.
    public static func standardOutput(_ text: String) -> String {
        truncate(text, to: standardOutputLimit, marker: outputMarker)
    }

    /// `StandardErrorContent` of GetCommandInvocation.
    public static func standardError(_ text: String) -> String {
        truncate(text, to: standardErrorLimit, marker: errorMarker)
    }

    /// A step's `Output` in ListCommandInvocations with `Details`: stdout, then the error separator and stderr.
    public static func pluginOutput(stdout: String, stderr: String) -> String {
        let combined = stderr.isEmpty ? stdout : stdout + errorSeparator + stderr
        return truncate(combined, to: pluginOutputLimit, marker: outputMarker)
    }

    static func truncate(_ text: String, to limit: Int, marker: String) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + marker
    }
}
