import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// What a session's bytes come from and go to, as NIO channels: their async streams read only as
/// fast as they are consumed, their writes wait for the descriptor, and no read exceeds `maxChunk`
/// (one leg frame, one data-channel message). Reads grow towards it only while they come back full, so
/// a terminal's keystroke echoes stay small; a bulk stream moves in large frames, and the relay's costs
/// per message (acknowledgements, digests' setup, task hops) fall with their number: 32 KiB gave a port
/// forward 110 MB/s, 256 KiB 210 (decision 114).
enum SessionChannels {
    static let maxChunk = 256 * 1024
    static let connectTimeout: TimeAmount = .seconds(10)

    private static let allocator = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 4096, maximum: maxChunk)

    /// A channel reading `input` and writing `output` (a terminal's master, a process's pipes);
    /// it owns them from now on, and closes them on failure too. The end of `input` ends the
    /// inbound stream only: a command may close its stdout and go on reading its stdin.
    static func pipe(input: Int32?, output: Int32?) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let bootstrap = NIOPipeBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelOption(.recvAllocator, value: allocator)
        do {
            switch (input, output) {
            case let (input?, output?): return try await bootstrap.takingOwnershipOfDescriptors(input: input, output: output, channelInitializer: wrap)
            case let (input?, nil): return try await bootstrap.takingOwnershipOfDescriptor(input: input, channelInitializer: wrap)
            case let (nil, output?): return try await bootstrap.takingOwnershipOfDescriptor(output: output, channelInitializer: wrap)
            case (nil, nil): preconditionFailure("a pipe channel needs a descriptor")
            }
        } catch {
            [input, output].compactMap { $0 }.forEach { _ = close($0) }
            throw error
        }
    }

    /// A TCP connection to `host`:`port`; finishing its writer half-closes it (the peer sees EOF
    /// and may still answer).
    static func connect(host: String, port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(connectTimeout)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelOption(.recvAllocator, value: allocator)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel,
                                                                 configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
    }

    private static let wrap: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> = { channel in
        channel.eventLoop.makeCompletedFuture {
            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
    }
}
