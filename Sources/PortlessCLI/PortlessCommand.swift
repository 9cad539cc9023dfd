public import ArgumentParser

/// `portless`: the server, the agent and the operator's commands in one executable.
public struct PortlessCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "portless",
        abstract: "A self-hosted systems manager: run commands on fleets of Linux nodes that open no port.",
        subcommands: [QuickstartCommand.self, ServerCommand.self, AgentCommand.self, RunCommand.self, SessionCommand.self, ScanCommand.self, NodesCommand.self, LogsCommand.self, IAMCommand.self, AuditCommand.self]
    )

    public init() {}
}

extension PortlessCommand {
    /// Parses the process arguments and runs the chosen command, exiting with its status.
    public static func start() async {
        MallocTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
