import ServiceLifecycle

/// On graceful shutdown, closes every agent channel with a normal close so agents reconnect later
/// and the HTTP server is not held open by long-lived WebSockets.
struct ChannelCloser: Service {
    let connections: AgentConnections

    func run() async throws {
        try? await gracefulShutdown()
        await connections.closeAll()
    }
}
