import ArgumentParser

/// The benchmark executable's root command; each benchmark is a subcommand. See docs/benchmarks.md.
@main
struct PortlessBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "PortlessBench",
        abstract: "Benchmarks against a real portless server child process.",
        subcommands: [AuditBenchCommand.self, DispatchCommand.self, ParamsBenchCommand.self, PolicyCommand.self, RulesBenchCommand.self, S3Command.self,
                      ScanBenchCommand.self, SessionBenchCommand.self, TargetsCommand.self]
    )
}
