public import Hummingbird
import Foundation
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import NIOCore
import PortlessCore

extension PortlessServer {
    /// The HTTP application the server runs: the AWS API (`POST /`: SSM, Organizations, KMS, CloudTrail, EventBridge and CloudWatch Logs over JSON 1.1, STS and IAM over
    /// the Query protocol), `/health`, path-style S3 and the agent channel, with the maintenance services.
    /// `run` serves it; tests drive its router directly with HummingbirdTesting's `app.test(.router)`.
    /// `onListening` gets the bound base URL once the server is listening.
    public func buildApplication(onListening: @escaping @Sendable (String) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let connections = AgentConnections()
        let publisher = CommandEventPublisher(bus: events, region: configuration.region)
        let dispatcher = CommandDispatcher(store: store, connections: connections, logger: logger) { command, terminated in
            await publisher.commandChanged(command)
            for invocation in terminated { await publisher.invocationChanged(invocation, command: command) }
        }
        let endpoint = ServerEndpoint()
        let catalog = DocumentCatalog(store: store, region: configuration.region, endpoint: endpoint)
        let objects = try ObjectStore(dataDirectory: configuration.dataDirectory)
        let keys = AccessKeyResolver(store: store, keyring: keyring)
        let authorizer = makeAuthorizer()
        let secureTransport = configuration.scheme == "https"
        let audit = AuditTrail(log: auditLog, region: configuration.region, bus: events, logger: logger)
        let trails = TrailService(store: store, objects: objects, log: auditLog, region: configuration.region, logger: logger)
        let kms = KMSService(store: store, keyring: keyring, authorizer: authorizer, region: configuration.region)
        let logService = LogService(store: store, kms: kms, region: configuration.region)
        let parameters = ParameterService(store: store, kms: kms, events: events, region: configuration.region)
        let commands = CommandService(store: store, connections: connections, documents: catalog,
                                      dispatcher: dispatcher, transitions: TransitionBatcher(store: store), events: publisher,
                                      output: CommandOutputWriter(objects: objects, logs: logService, logger: logger),
                                      s3Sources: S3SourcePresigner(objects: objects, keys: keys,
                                                                   endpoint: endpoint, region: configuration.region),
                                      authorizer: authorizer,
                                      parameterReferences: ParameterReferenceResolver(parameters: parameters, authorizer: authorizer), logger: logger)
        let sts = STSService.make(store: store, keyring: keyring, authorizer: authorizer)
        let bundles = BundleService(store: store, objects: objects, builtin: builtinBundle)
        let compliance = ComplianceService(store: store)
        let scans = ScanService(store: store, commands: commands, bundles: bundles,
                                signer: ScanUploadSigner(store: store, keyring: keyring, endpoint: endpoint, region: configuration.region),
                                accounts: ScanAccountAccess(sts: sts, keys: keys, authorizer: authorizer, store: store),
                                connections: connections, objects: objects, results: ScanResultIngest(store: store, objects: objects),
                                compliance: compliance, hygiene: ScanHygiene(store: store, connections: connections), events: events, region: configuration.region, logger: logger)
        let associationLimits = TestAssociationRate.limits()
        var runners = AssociationRunnerRouter(fallback: CommandAssociationRunner(commands: commands, store: store))
        runners.register(ScanAssociationRunner(scans: scans), forDocument: ScanDocument.name)
        let executor = AssociationExecutor(store: store, router: runners, logger: logger)
        let scheduler = AssociationScheduler(store: store, executor: executor, limits: associationLimits, logger: logger)
        let nodeIdentity = NodeIdentity(store: store, authorizer: authorizer)
        let activations = ActivationService(store: store, nodeIdentity: nodeIdentity)
        let transcripts = SessionTranscripts(kms: kms, objects: objects, region: configuration.region, logger: logger)
        let sessions = SessionService(store: store, connections: connections, live: LiveSessions(), documents: SessionDocumentResolver(catalog: catalog),
                                      runAs: SessionRunAs(sources: authorizer.sources), transcripts: transcripts,
                                      logDelivery: SessionLogDelivery(transcripts: transcripts, objects: objects, logs: logService, logger: logger),
                                      events: events, endpoint: endpoint, region: configuration.region, clock: .fromEnvironment(), logger: logger)
        var nodes = NodeService(store: store, connections: connections, latestAgentVersion: Self.agentVersion)
        nodes.tagsAdded = { await scheduler.nodeChanged(accountId: $0, instanceId: $1, before: $2) }
        let ssm = SSMOperations(activations: activations, nodes: nodes, commands: commands,
                                documents: DocumentService(store: store, documents: store, catalog: catalog),
                                associations: AssociationService(store: store, documents: catalog, output: commands.output, executor: executor,
                                                                 limits: associationLimits),
                                compliance: compliance, parameters: parameters, sessions: sessions, store: store, endpoint: endpoint)
        let query = QueryController.make(store: store, keys: keys, keyring: keyring, region: configuration.region,
                                         authorizer: authorizer, sts: sts, secureTransport: secureTransport)
        let organizations = OrganizationsOperations(organizations: authorizer.sources.organizations)
        let eventBridge = EventBridgeComponents(store: store, bus: events, commands: commands, logs: logService, authorizer: authorizer, region: configuration.region,
                                                logger: logger)
        let routes = JSONRoute.all(
            ssm: ssm, organizations: organizations, events: EventsOperations(rules: eventBridge.rules),
            portless: PortlessOperations(scans: scans, bundles: bundles, events: eventBridge.rules, sessions: sessions, region: configuration.region),
            kms: KMSOperations(kms: kms), cloudTrail: CloudTrailOperations(lookups: AuditLookupService(directory: auditLog.directory), trails: trails),
            logs: LogsOperations(logs: logService, region: configuration.region))
        let api = APIController(authenticator: RequestAuthenticator(keys: keys, region: configuration.region), routes: routes, query: query,
                                authorizer: authorizer, secureTransport: secureTransport, audit: audit)
        var agentGateway = AgentGateway(store: store, connections: connections, commands: commands, activations: activations, nodeIdentity: nodeIdentity,
                                   caCertificate: authority?.certificatePEM, region: configuration.region,
                                   nodeCredentials: NodeCredentials(store: store, issuer: CredentialIssuer(store: store, keyring: keyring)), logger: logger,
                                   audit: audit)
        agentGateway.nodeRegistered = { await scheduler.nodeChanged(accountId: $0.accountId, instanceId: $0.instanceId, before: nil) }
        let bus = events, region = configuration.region
        agentGateway.nodeStateChanged = { await bus.publish(NodeEvents.stateChanged($0, state: $1, region: region, at: Date())) }
        let gateway = agentGateway

        let dataChannels = DataChannelEndpoint(sessions: sessions, logger: logger)
        let sessionLegs = SessionLegEndpoint(sessions: sessions, logger: logger)
        let router = Router(context: PortlessRequestContext.self)
        router.post("/", use: api.handle)
        router.get("/health") { _, _ in "ok" }
        S3Controller(store: objects, authenticator: S3Authenticator(keys: keys, region: configuration.region), authorizer: authorizer,
                     secureTransport: secureTransport, audit: audit, writeGuard: ScanBucketGuard(scans: scans, logger: logger)).register(on: router)

        let webSocket = HTTPServerBuilder.http1WebSocketUpgrade(
            configuration: .init(maxFrameSize: 1 << 20, extensions: [.nonNegotiatedExtension { WebSocketUnmasking() }],
                                 autoPing: .enabled(timePeriod: .seconds(15))),
            additionalChannelHandlers: [ExpectContinueHandler()]
        ) { request, channel, _ in
            if request.path == SessionLeg.path {
                return .upgrade([:]) { inbound, outbound, _ in try await sessionLegs.serve(inbound: inbound, outbound: outbound) }
            }
            if let sessionId = DataChannelEndpoint.sessionId(inPath: request.path ?? "") {
                return .upgrade([:]) { inbound, outbound, _ in
                    try await dataChannels.serve(sessionId: sessionId, inbound: inbound, outbound: outbound)
                }
            }
            guard request.path == "/agent/v1/channel" else { return .dontUpgrade }
            let sourceIp = channel.remoteAddress?.ipAddress
            return .upgrade([:]) { inbound, outbound, _ in
                try await gateway.serve(inbound: inbound, outbound: outbound, sourceIp: sourceIp)
            }
        }
        let scheme = configuration.scheme
        return Application(
            router: router,
            server: try ServerTLS.builder(for: configuration, authority: authority, base: webSocket, logger: logger),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Portless"),
            services: [MaintenanceService(commands: commands, dispatcher: dispatcher, logger: logger),
                       ScanTracker(scans: scans, events: events, logger: logger),
                       ScanAssociationTracker(events: events, scans: scans, executor: executor, logger: logger),
                       ChannelCloser(connections: connections), scheduler, LogRetentionService(logs: logService, logger: logger),
                       CommandExecutionTracker(bus: events, store: store, executor: executor, logger: logger),
                       AuditSealer(log: auditLog, interval: configuration.auditDigestInterval, logger: logger),
                       TrailDelivery(trails: trails, interval: configuration.trailDeliveryInterval),
                       SessionTicker(sessions: sessions, logger: logger)] + eventBridge.services,
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                endpoint.set("\(scheme)://\(host):\(port)")
                await onListening("\(scheme)://\(host):\(port)")
            },
            logger: logger
        )
    }
}
