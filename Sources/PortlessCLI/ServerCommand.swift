import ArgumentParser
import Foundation
import PortlessServer

/// `portless server`: the control plane.
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "server", abstract: "Run the Portless control plane.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let configuration = try options.configuration()
        let logger = LogSetup.logger(label: "portless.server", level: options.logLevel)
        let server = try await PortlessServer.open(configuration, logger: logger)
        ServerBanner.print(server)
        try await server.run { url in Console.line("Portless server listening on \(url)") }
    }
}

/// What a server says when it starts: where the root credentials are (never the secret itself).
enum ServerBanner {
    static func print(_ server: PortlessServer) {
        if server.bootstrap.created {
            Console.line("Created root account \(server.bootstrap.accountId)")
        }
        Console.line("Root credentials: \(server.bootstrap.credentialsFile.path)")
        if let authority = server.authority {
            Console.line("TLS CA fingerprint: \(authority.fingerprint) (agents: --fingerprint \(authority.fingerprint); aws CLI: --ca-bundle \(server.configuration.dataDirectory.appendingPathComponent("tls/ca.pem").path))")
        }
    }
}
