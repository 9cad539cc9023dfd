public import Foundation
public import Logging
public import NIOCore
import NIOPosix
import PortlessCore

/// A port forward's local end: listens on 127.0.0.1 and carries each accepted TCP connection as
/// one smux v1 client stream over the session's data channel (SYN, PSH both ways, FIN either way),
/// as the session-manager-plugin does with a multiplexing agent. Many connections at once.
public struct PortForwarder: Sendable {
    /// A listening socket.
    public typealias Listener = NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    private let channel: DataChannelClient
    private let streams = SmuxStreamTable()
    private let logger: Logger

    public init(channel: DataChannelClient, logger: Logger) {
        self.channel = channel
        self.logger = logger
    }

    /// Binds 127.0.0.1:`port` (0 for any free port; the bound port is the listener's `localAddress`).
    public static func listen(port: Int) async throws -> Listener {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: "127.0.0.1", port: port) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child,
                                                                configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
    }

    /// Accepts connections until cancelled, carrying each over its own stream.
    public func serve(_ listener: Listener) async throws {
        try await listener.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in connections {
                    group.addTask { await carry(connection) }
                }
            }
        }
    }

    /// Takes the server's type-1 bytes (the smux stream); give it `DataChannelClient.run`'s stdout output.
    public func receive(_ bytes: Data) async throws {
        try await streams.receive(bytes)
    }

    /// Ends every stream (the session is over).
    public func finish() async {
        await streams.finishAll()
    }

    private func carry(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                let id = await streams.open(outbound)
                do {
                    try await relay(inbound, streamId: id)
                } catch {
                    await streams.remove(id)
                    throw error
                }
                await streams.remove(id)
            }
        } catch {
            logger.debug("forwarded connection ended", metadata: ["error": "\(error)"])
        }
    }

    /// One stream's life: SYN, the local bytes as PSH until the local end stops sending, FIN, then
    /// the server's bytes until its FIN.
    private func relay(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>, streamId id: UInt32) async throws {
        try await channel.send(SmuxFrame(.syn, streamId: id).encoded())
        do {
            for try await buffer in inbound {
                try await send(Data(buffer.readableBytesView), streamId: id)
            }
        } catch let error as DataChannelClosedError {
            throw error
        } catch {
            logger.debug("local connection failed", metadata: ["portless.stream": "\(id)", "error": "\(error)"])
        }
        try await channel.send(SmuxFrame(.fin, streamId: id).encoded())
        await streams.waitUntilRemoteFinished(id)
    }

    /// Sends data as PSH frames sized so each fills at most one data channel message.
    private func send(_ data: Data, streamId: UInt32) async throws {
        let chunk = DataChannelClient.maxPayload - SmuxFrame.headerSize
        var start = data.startIndex
        while start < data.endIndex {
            let end = min(data.endIndex, start + chunk)
            try await channel.send(SmuxFrame(.psh, streamId: streamId, data: Data(data[start..<end])).encoded())
            start = end
        }
    }
}
