import ArgumentParser

/// The benchmark executable's root command; each benchmark is a subcommand. See docs/benchmarks.md.
@main
struct PortlessBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "PortlessBench",
        abstract: "Benchmarks against a real portless server child process.",
        subcommands: [DispatchCommand.self, ParamsBenchCommand.self, PolicyCommand.self, S3Command.self, ScanBenchCommand.self, TargetsCommand.self, AuditBenchCommand.self]
    )
}
