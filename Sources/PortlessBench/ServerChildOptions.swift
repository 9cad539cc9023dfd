import ArgumentParser

/// How a benchmark starts its `portless server` child; shared by every subcommand.
struct ServerChildOptions: ParsableArguments {
    @Option(name: .customLong("server-binary"), help: "The portless executable (default: the one beside this executable).")
    var serverBinary: String?

    @Option(name: .customLong("server-log-level"), help: "The server's --log-level.")
    var serverLogLevel: String = "info"

    /// The executable to start.
    func binary() throws -> String { try serverBinary ?? DispatchCommand.siblingServerBinary() }
}
