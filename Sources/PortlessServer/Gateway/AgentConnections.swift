import Foundation
import PortlessCore

/// The live control channels, by node ID. Sending to a node that is not connected returns false.
public actor AgentConnections {
    struct Connection {
        let id: String
        let outbox: AsyncStream<String>.Continuation
    }

    private var connections: [String: Connection] = [:]
    private var lastSeenAt: [String: Date] = [:]

    public init() {}

    /// Registers a channel for `instanceId`, replacing (and closing) any older one; returns its connection ID.
    func attach(instanceId: String, outbox: AsyncStream<String>.Continuation) -> String {
        let connection = Connection(id: Identifiers.uuid(), outbox: outbox)
        connections[instanceId]?.outbox.finish()
        connections[instanceId] = connection
        return connection.id
    }

    /// Removes the channel if it is still the one registered under `connectionId`; returns whether it was.
    func detach(instanceId: String, connectionId: String) -> Bool {
        guard connections[instanceId]?.id == connectionId else { return false }
        connections[instanceId] = nil
        return true
    }

    /// Queues `message` for `instanceId`; false if the node has no channel.
    @discardableResult
    func send(_ message: AgentMessage, to instanceId: String) -> Bool {
        send(frame: message.frame, to: instanceId)
    }

    /// Queues an already encoded frame (one encoding serves every node a command goes to).
    @discardableResult
    func send(frame: String, to instanceId: String) -> Bool {
        guard let connection = connections[instanceId] else { return false }
        if case .terminated = connection.outbox.yield(frame) { return false }
        return true
    }

    func isConnected(_ instanceId: String) -> Bool { connections[instanceId] != nil }

    /// Notes that `instanceId` was heard from (kept in memory; the store gets it on disconnect).
    func touch(_ instanceId: String, at date: Date = Date()) { lastSeenAt[instanceId] = date }

    func lastSeen(_ instanceId: String) -> Date? { lastSeenAt[instanceId] }

    /// Closes every channel (at shutdown); agents see a normal close and reconnect later.
    func closeAll() {
        for connection in connections.values { connection.outbox.finish() }
        connections.removeAll()
    }
}
