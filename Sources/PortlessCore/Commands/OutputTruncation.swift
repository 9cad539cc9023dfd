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
    ///
    /// When both do not fit in 2,500 characters, each part is cut with its own marker and stderr keeps
    /// up to half the room, so a long stdout never hides the error.
    public static func pluginOutput(stdout: String, stderr: String) -> String {
        guard !stderr.isEmpty else { return truncate(stdout, to: pluginOutputLimit, marker: outputMarker) }
        let room = pluginOutputLimit - errorSeparator.count
        guard stdout.count + stderr.count > room else { return stdout + errorSeparator + stderr }
        let errorRoom = min(stderr.count, room / 2)
        return truncate(stdout, to: room - errorRoom, marker: outputMarker) + errorSeparator
            + truncate(stderr, to: errorRoom, marker: errorMarker)
    }

    static func truncate(_ text: String, to limit: Int, marker: String) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + marker
    }
}
