import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PortlessClient
import PortlessServer

/// A real Portless server on a fresh data directory, driven through its router (no listening socket).
enum TestPortless {
    /// Opens a server in a temporary directory, runs `body` against its router with the root
    /// account's credentials, then closes the store and removes the directory. `prepare` gets the data directory
    /// and the root account once the server is open, before the first request (to seed state the API cannot make).
    static func withClient<T: Sendable>(prepare: @Sendable (URL, String) async throws -> Void = { _, _ in },
                                        _ body: @Sendable (SignedClient) async throws -> T) async throws -> T {
        try await withServer(prepare: prepare) { _, client in try await body(client) }
    }

    /// The same, with the open server too (its event bus, for tests that watch events).
    static func withServer<T: Sendable>(prepare: @Sendable (URL, String) async throws -> Void = { _, _ in },
                                        _ body: @Sendable (PortlessServer, SignedClient) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-router-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "portless.router-test")
        logger.logLevel = .critical
        let configuration = ServerConfiguration(dataDirectory: directory, host: "127.0.0.1", port: 0)
        let server = try await PortlessServer.open(configuration, logger: logger)
        do {
            try await prepare(directory, server.bootstrap.accountId)
            let credentials = try ClientConfiguration.resolve(
                endpoint: "http://localhost",
                environment: ["AWS_SHARED_CREDENTIALS_FILE": server.bootstrap.credentialsFile.path, "HOME": directory.path]
            ).credentials
            let result = try await server.buildApplication().test(.router) { client in
                try await body(server, SignedClient(client: client, credentials: credentials, accountId: server.bootstrap.accountId))
            }
            try await server.close()
            return result
        } catch {
            try? await server.close()
            throw error
        }
    }
}
