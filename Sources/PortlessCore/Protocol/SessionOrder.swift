/// What the server sends an agent to open a session: the agent dials the session leg
/// (`/agent/v1/session`), presents `legToken`, and serves the mode over it.
public struct SessionOrder: Sendable, Hashable, Codable {
    /// What runs at the node's end of a session.
    public enum Mode: String, Sendable, Codable {
        /// A login shell of `runAsUser` in a PTY (Standard_Stream).
        case shell
        /// `command` in a PTY (InteractiveCommands).
        case interactiveCommand
        /// `command` without a PTY: stdout and stderr apart, then its exit code (NonInteractiveCommands).
        case nonInteractiveCommand
        /// A TCP connection to `host`:`port` (Port): one raw stream, or smux streams when `multiplexed`.
        case port
    }

    public var sessionId: String
    /// Single-use secret the agent presents on the session leg.
    public var legToken: String
    public var mode: Mode
    /// The user the shell or command runs as (created by the agent when it is `portless-user`).
    public var runAsUser: String?
    /// Lines typed into a new shell before the user gets it (`shellProfile.linux`).
    public var shellProfile: String?
    public var command: String?
    public var host: String?
    public var port: Int?
    public var multiplexed: Bool
    /// The terminal size at start.
    public var columns: Int?
    public var rows: Int?

    public init(sessionId: String, legToken: String, mode: Mode, runAsUser: String? = nil, shellProfile: String? = nil,
                command: String? = nil, host: String? = nil, port: Int? = nil, multiplexed: Bool = false,
                columns: Int? = nil, rows: Int? = nil) {
        self.sessionId = sessionId
        self.legToken = legToken
        self.mode = mode
        self.runAsUser = runAsUser
        self.shellProfile = shellProfile
        self.command = command
        self.host = host
        self.port = port
        self.multiplexed = multiplexed
        self.columns = columns
        self.rows = rows
    }
}
