public import Foundation
public import Logging
import PortlessClient
import PortlessCore

/// The node side: registers once, then keeps the control channel up and runs what the server sends.
public struct PortlessAgent: Sendable {
    public static let version = "0.1.0"

    public let configuration: AgentConfiguration
    let logger: Logger

    public init(configuration: AgentConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Registers if needed, then serves until cancelled. `announce` receives the lines an operator sees.
    public func run(announce: @escaping @Sendable (String) -> Void) async throws {
        let state = configuration.stateDirectory
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let info = NodeFacts.collect(agentVersion: Self.version)
        let identity = try await loadOrRegister(info: info, announce: announce)
        let (launches, launcher) = AsyncStream<InvocationRunner>.makeStream()
        let hub = AgentHub(journal: try Journal(directory: state.appendingPathComponent("journal")),
                           workRoot: state.appendingPathComponent("work"), launches: launcher, logger: logger)
        try await hub.recoverInterrupted()
        let channel = ControlChannel(url: configuration.channelURL, tls: try AgentTLS.configuration(for: configuration),
                                     identity: identity, info: info, hub: hub, logger: logger,
                                     onConnected: { announce("Connected as \($0)") })

        await withDiscardingTaskGroup { group in
            group.addTask {
                await withDiscardingTaskGroup { invocations in
                    for await runner in launches {
                        invocations.addTask {
                            let report = await runner.run()
                            await hub.finished(report, order: runner.order)
                        }
                    }
                }
            }
            group.addTask {
                await keepConnected(channel)
                launcher.finish()
            }
        }
    }

    private func keepConnected(_ channel: ControlChannel) async {
        var backoff = Backoff()
        while !Task.isCancelled {
            do {
                if try await channel.run() { backoff.reset() }
                logger.info("control channel closed")
            } catch {
                logger.warning("control channel failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: backoff.nextDelay())
        }
    }

    private func loadOrRegister(info: NodeInfo, announce: @Sendable (String) -> Void) async throws -> AgentIdentity {
        if let identity = try AgentIdentity.load(from: configuration.stateDirectory) { return identity }
        guard let activationId = configuration.activationId, let activationCode = configuration.activationCode else {
            throw ClientError.configuration("This node is not registered yet: pass --activation-id and --activation-code.")
        }
        let identity = try await Registrar.register(server: configuration.server, activationId: activationId,
                                                    activationCode: activationCode, stateDirectory: configuration.stateDirectory,
                                                    info: info)
        announce("Registered as \(identity.instanceId)")
        return identity
    }
}
