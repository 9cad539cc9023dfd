/// The kind of session a Session document opens (its `sessionType`), spelled as SSM spells it.
public enum SessionType: String, Sendable, Codable, Hashable, CaseIterable {
    /// A login shell, with the account's session preferences.
    case standardStream = "Standard_Stream"
    /// One command under a terminal (`properties.linux.commands`).
    case interactiveCommands = "InteractiveCommands"
    /// One command without a terminal, stdout and stderr apart.
    case nonInteractiveCommands = "NonInteractiveCommands"
    /// A TCP port on the node or on a host it reaches.
    case port = "Port"
}
