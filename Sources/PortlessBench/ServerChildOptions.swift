import ArgumentParser
import Foundation

/// How a benchmark starts its `portless server` child; shared by every subcommand.
struct ServerChildOptions: ParsableArguments {
    @Option(name: .customLong("server-binary"), help: "The portless executable (default: the one beside this executable).")
    var serverBinary: String?

    @Option(name: .customLong("server-log-level"), help: "The server's --log-level.")
    var serverLogLevel: String = "info"

    /// The executable to start.
    func binary() throws -> String { try serverBinary ?? DispatchCommand.siblingServerBinary() }

    /// Starts the server child on `directory` and says where it is.
    func start(in directory: URL) async throws -> ServerChild {
        let server = try await ServerChild(binary: try binary(), directory: directory, logLevel: serverLogLevel)
        log("server \(server.pid) at \(server.url), data in \(directory.path)")
        return server
    }
}
