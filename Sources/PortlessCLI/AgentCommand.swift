import ArgumentParser
import Foundation
import PortlessAgent
import ServiceLifecycle
import UnixSignals

/// `portless agent`: the node side.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agent", abstract: "Run the Portless agent on this node.")

    @Option(help: "The server's base URL, e.g. https://portless.example:8580.")
    var server: String

    @Option(name: .customLong("state-dir"), help: "Where the agent keeps its key, identity and journal.")
    var stateDirectory: String = ProcessInfo.processInfo.environment["PORTLESS_AGENT_STATE_DIR"] ?? "/var/lib/portless-agent"

    @Option(name: .customLong("activation-id"), help: "Activation ID, for the first run.")
    var activationId: String?

    @Option(name: .customLong("activation-code"), help: "Activation code, for the first run.")
    var activationCode: String?

    @Option(help: "Pin the server's CA: sha256:HEX as printed by `portless server --tls auto`.")
    var fingerprint: String?

    @Option(name: .customLong("log-level"))
    var logLevel: String?

    func run() async throws {
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--server must be an http:// or https:// URL.")
        }
        let configuration = AgentConfiguration(server: url, stateDirectory: URL(fileURLWithPath: stateDirectory).standardizedFileURL,
                                               activationId: activationId, activationCode: activationCode, fingerprint: fingerprint)
        let logger = LogSetup.logger(label: "portless.agent", level: logLevel)
        let agent = PortlessAgent(configuration: configuration, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [AgentService(agent: agent)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Runs an agent as a service: it stops (and its channel closes) on graceful shutdown.
struct AgentService: Service, CustomStringConvertible {
    let agent: PortlessAgent

    /// What service-lifecycle logs for this service: never the configuration, which holds the activation code.
    var description: String { "AgentService" }

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await agent.run { Console.line($0) }
        }
    }
}
