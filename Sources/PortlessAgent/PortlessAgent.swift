public import Foundation
public import Logging
import PortlessClient
import PortlessCore
import NIOSSL
import Crypto

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
        let tls = try await AgentTLS.configuration(for: configuration, logger: logger)
        let identity = try await loadOrRegister(info: info, tls: tls, announce: announce)
        let (launches, launcher) = AsyncStream<InvocationRunner>.makeStream()
        var nodeEnvironment = ["AWS_SSM_INSTANCE_ID": identity.instanceId, "AWS_SSM_PLATFORM_NAME": info.platformName,
                               "AWS_SSM_PLATFORM_VERSION": info.platformVersion]
        // Scripts that reach the server themselves (the scan document's curl) trust the CA the agent pinned.
        let pinnedCA = state.appendingPathComponent(AgentTLS.pinnedCAFileName)
        if configuration.server.scheme == "https", FileManager.default.fileExists(atPath: pinnedCA.path) {
            nodeEnvironment["PORTLESS_SERVER_CA"] = pinnedCA.path
            nodeEnvironment["AWS_CA_BUNDLE"] = pinnedCA.path
        }
        // With the role credentials the server sends, the AWS CLI and SDKs in scripts call this server.
        nodeEnvironment["AWS_ENDPOINT_URL"] = configuration.server.absoluteString
        let hub = AgentHub(journal: try Journal(directory: state.appendingPathComponent("journal")),
                           workRoot: state.appendingPathComponent("work"),
                           nodeEnvironment: nodeEnvironment,
                           launches: launcher, logger: logger)
        try await hub.recoverInterrupted()
        let (sessionLaunches, sessionLauncher) = AsyncStream<SessionHub.Launch>.makeStream()
        let sessions = SessionHub(launches: sessionLauncher)
        let leg = WebSocketSessionLeg(url: configuration.sessionURL, tls: tls, instanceId: identity.instanceId, logger: logger)
        let channel = ControlChannel(url: configuration.channelURL, tls: tls,
                                     identity: identity, info: info, hub: hub, sessions: sessions, logger: logger,
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
                await SessionHub.run(sessionLaunches, hub: sessions) { order in await leg.serve(order) }
            }
            group.addTask {
                await keepConnected(channel)
                launcher.finish()
                sessionLauncher.finish()
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

    /// The saved identity, or a new one from registering with the activation. The key pair is made
    /// on the node and only its public half is sent.
    private func loadOrRegister(info: NodeInfo, tls: TLSConfiguration?, announce: @Sendable (String) -> Void) async throws -> AgentIdentity {
        let state = configuration.stateDirectory
        if let identity = try AgentIdentity.load(from: state) { return identity }
        guard let activationId = configuration.activationId, let activationCode = configuration.activationCode else {
            throw ClientError.configuration("This node is not registered yet: pass --activation-id and --activation-code.")
        }
        let key = try AgentIdentity.pendingKey(in: state)
        let request = RegistrationRequest(activationId: activationId, activationCode: activationCode,
                                          publicKey: key.publicKey.rawRepresentation.base64EncodedString(), info: info)
        let instanceId = try await ChannelExchange.register(url: configuration.channelURL, tls: tls, request: request, logger: logger)
        let identity = try AgentIdentity.save(instanceId: instanceId, server: configuration.server.absoluteString, key: key, in: state)
        announce("Registered as \(identity.instanceId)")
        return identity
    }
}
