import ArgumentParser

/// `portless logs`: CloudWatch Logs groups as the server keeps them.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Read log groups (CloudWatch Logs).",
                                                    subcommands: [LogsTailCommand.self])
}
