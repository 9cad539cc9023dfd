import Foundation
public import Logging
import PortlessCore
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
    /// The organization the first account manages.
    let organization: OrganizationRecord
    /// Where state changes are published (command and invocation status changes today).
    public let events = EventBus()
    let store: SQLStore
    let keyring: Keyring
    /// The audit trail's writer (the hash chain and its signed digests).
    let auditLog: AuditLog
    /// The check bundle the server ships (from `configuration.bundleDirectory`).
    let builtinBundle: ScanBundle?
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
            let organization = try await OrganizationBootstrap.ensure(store: store, managementAccountId: bootstrap.accountId)
            try await store.markAllNodesOffline()
            let authority = configuration.tls == .auto
                ? try CertificateAuthority.loadOrCreate(in: directory.appendingPathComponent("tls")) : nil
            let builtinBundle = try configuration.bundleDirectory.map(BundleDirectory.bundle(at:))
            let auditDirectory = AuditDirectory(dataDirectory: directory)
            let auditLog = try AuditLog(directory: auditDirectory,
                                        key: try AuditSigningKey.loadOrCreate(dataDirectory: directory, keyring: keyring, publishTo: auditDirectory))
            return PortlessServer(configuration: configuration, bootstrap: bootstrap, authority: authority, organization: organization, store: store,
                                  keyring: keyring, auditLog: auditLog, builtinBundle: builtinBundle, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// Serves until SIGTERM/SIGINT (or cancellation); `onListening` gets the bound base URL. `extra`
    /// services run in the same group (the quickstart's demo). The store is closed however it ends.
    public func run(onListening: @escaping @Sendable (String) async -> Void = { _ in }, alongside extra: [any Service] = []) async throws {
        do {
            let group = ServiceGroup(configuration: .init(services: [try buildApplication(onListening: onListening)] + extra,
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
    public func close() async throws {
        let store = self.store
        try await Task { try await store.close() }.value
    }
}
