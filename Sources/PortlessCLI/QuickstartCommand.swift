import ArgumentParser
import Foundation
import PortlessServer

/// `portless quickstart`: a server, a local agent registered through an activation, and a first
/// command run through the API, in one process that keeps serving until interrupted.
struct QuickstartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quickstart", abstract: "Start a server with a local agent and run a first command.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let configuration = try options.configuration()
        let logger = LogSetup.logger(label: "portless.quickstart", level: options.logLevel ?? "warning")
        let server = try await PortlessServer.open(configuration, logger: logger)
        ServerBanner.print(server)
        let (urls, announcer) = AsyncStream<String>.makeStream()
        let demo = QuickstartDemo(urls: urls, credentialsFile: server.bootstrap.credentialsFile,
                                  dataDirectory: configuration.dataDirectory, region: configuration.region, logger: logger)
        try await server.run(onListening: { url in
            Console.line("Portless server listening on \(url)")
            announcer.yield(url)
            announcer.finish()
        }, alongside: [demo])
    }
}
