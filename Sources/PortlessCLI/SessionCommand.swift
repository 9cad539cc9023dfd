import ArgumentParser

/// `portless session`: shells, commands, port forwards and SSH through the agent (SSM Session
/// Manager), and the sessions' list, termination and recorded replay.
struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Open a shell, run a command, forward a port or proxy SSH to a node.",
        subcommands: [SessionStartCommand.self, SessionListCommand.self, SessionTerminateCommand.self, SessionReplayCommand.self],
        defaultSubcommand: SessionStartCommand.self)
}
