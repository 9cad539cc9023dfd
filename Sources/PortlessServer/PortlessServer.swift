public import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
public import Logging
import NIOCore
public import PortlessCore
import PortlessStore
public import ServiceLifecycle
import UnixSignals

/// The control plane: opens the data directory, bootstraps the root account, and serves the API
/// and the agent gateway until shut down.
public struct PortlessServer: Sendable {
    /// The agent version this server ships (reported as `IsLatestVersion`).
    public static let agentVersion = "0.1.0"

    public let configuration: ServerConfiguration
    public let bootstrap: RootCredentials.Outcome
    /// The CA made for `--tls auto`, whose fingerprint agents pin.
    public let authority: CertificateAuthority?
    /// Where state changes are published (command and invocation status changes today).
    public let events = EventBus()
    let store: SQLStore
    let keyring: Keyring
    let logger: Logger

    /// Opens (or creates) the data directory and its store.
    public static func open(_ configuration: ServerConfiguration, logger: Logger) async throws -> PortlessServer {
        if !configuration.isLoopback && configuration.tls == .none && !configuration.insecureHTTP {
            throw PortlessError(.validation, "Plain HTTP is only allowed on loopback addresses; give --tls-cert/--tls-key, --tls auto, or --insecure-http.", field: "--listen")
        }
        let directory = configuration.dataDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("portless.sqlite").path, logger: logger)
        do {
            let keyring = try Keyring.loadOrCreate(in: directory)
            let bootstrap = try await RootCredentials.ensure(store: store, keyring: keyring, dataDirectory: directory)
            try await store.markAllNodesOffline()
            let authority = configuration.tls == .auto
                ? try CertificateAuthority.loadOrCreate(in: directory.appendingPathComponent("tls")) : nil
            return PortlessServer(configuration: configuration, bootstrap: bootstrap, authority: authority, store: store,
                                  keyring: keyring, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// Serves until SIGTERM/SIGINT (or cancellation); `onListening` gets the bound base URL. `extra`
    /// services run in the same group (the quickstart's demo). The store is closed however it ends.
    public func run(onListening: @escaping @Sendable (String) async -> Void = { _ in }, alongside extra: [any Service] = []) async throws {
        do {
            let group = ServiceGroup(configuration: .init(services: try services(onListening: onListening) + extra,
                                                          gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            try? await close()
            throw error
        }
        try await close()
    }

    /// Closes the store once the services have stopped, even when the run was cancelled (the close
    /// itself must not be cancelled, or the connection would be dropped unclosed).
    func close() async throws {
        let store = self.store
        try await Task { try await store.close() }.value
    }

    /// The services that make up the server.
    func services(onListening: @escaping @Sendable (String) async -> Void) throws -> [any Service] {
        let connections = AgentConnections()
        let publisher = CommandEventPublisher(bus: events, region: configuration.region)
        let dispatcher = CommandDispatcher(store: store, connections: connections, logger: logger) { command, terminated in
            await publisher.commandChanged(command)
            for invocation in terminated { await publisher.invocationChanged(invocation, command: command) }
        }
        let catalog = DocumentCatalog(store: store, region: configuration.region)
        let objects = try ObjectStore(dataDirectory: configuration.dataDirectory)
        let endpoint = ServerEndpoint()
        let keys = AccessKeyResolver(store: store, keyring: keyring)
        let commands = CommandService(store: store, connections: connections, documents: catalog,
                                      dispatcher: dispatcher, transitions: TransitionBatcher(store: store), events: publisher,
                                      output: CommandOutputWriter(objects: objects, logger: logger),
                                      s3Sources: S3SourcePresigner(objects: objects, keys: keys,
                                                                   endpoint: endpoint, region: configuration.region),
                                      logger: logger)
        let activations = ActivationService(store: store)
        let ssm = SSMOperations(activations: activations,
                                nodes: NodeService(store: store, connections: connections, latestAgentVersion: Self.agentVersion),
                                commands: commands,
                                documents: DocumentService(store: store, documents: store, catalog: catalog), store: store,
                                endpoint: endpoint)
        let query = QueryController.make(store: store, keys: keys, keyring: keyring, region: configuration.region)
        let api = APIController(authenticator: RequestAuthenticator(keys: keys, region: configuration.region), ssm: ssm, query: query)
        let gateway = AgentGateway(store: store, connections: connections, commands: commands, activations: activations,
                                   caCertificate: authority?.certificatePEM, logger: logger)

        let router = Router()
        router.post("/", use: api.handle)
        router.get("/health") { _, _ in "ok" }
        S3Controller(store: objects, authenticator: S3Authenticator(keys: keys, region: configuration.region)).register(on: router)

        let webSocket = HTTPServerBuilder.http1WebSocketUpgrade(
            configuration: .init(maxFrameSize: 1 << 20, autoPing: .enabled(timePeriod: .seconds(15))),
            additionalChannelHandlers: [ExpectContinueHandler()]
        ) { request, _, _ in
            guard request.path == "/agent/v1/channel" else { return .dontUpgrade }
            return .upgrade([:]) { inbound, outbound, _ in
                try await gateway.serve(inbound: inbound, outbound: outbound)
            }
        }
        let scheme = configuration.scheme
        let app = Application(
            router: router,
            server: try ServerTLS.builder(for: configuration, authority: authority, base: webSocket, logger: logger),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Portless"),
            services: [MaintenanceService(commands: commands, dispatcher: dispatcher, logger: logger),
                       ChannelCloser(connections: connections)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                endpoint.set("\(scheme)://\(host):\(port)")
                await onListening("\(scheme)://\(host):\(port)")
            },
            logger: logger
        )
        return [app]
    }
}
