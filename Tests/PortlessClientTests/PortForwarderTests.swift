import Foundation
import Logging
import NIOCore
import NIOPosix
import PortlessClient
import PortlessCore
import Synchronization
import Testing

// `PortForwarder` carrying several TCP connections at once as smux v1 streams, against a scripted
// server that plays the agent's side: it answers each stream's data in capitals and finishes the
// stream after the client's FIN.

@Suite("Port forwarder", .timeLimit(.minutes(1)))
struct PortForwarderTests {
    @Test func parallelConnectionsEachGetTheirOwnStream() async throws {
        let streams = Mutex<[UInt32]>([])
        let replies = try await ScriptedDataChannelServer.run(script: { _, peer in
            _ = try await peer.open()
            _ = try await peer.handshake(sessionType: "Port")
            var reader = SmuxFrameReader()
            var sequence: Int64 = 2
            var received: [UInt32: Data] = [:]
            var finished = 0
            var seen = Set<Int64>()
            while finished < 3 {
                let message = try await peer.nextInput()
                try await peer.acknowledge(message)
                guard seen.insert(message.sequenceNumber).inserted else { continue }
                for frame in try reader.append(message.payload) {
                    switch frame.command {
                    case .syn:
                        streams.withLock { $0.append(frame.streamId) }
                    case .psh:
                        received[frame.streamId, default: Data()].append(frame.data)
                    case .fin:
                        let answer = Data(String(decoding: received[frame.streamId] ?? Data(), as: UTF8.self).uppercased().utf8)
                        for reply in SmuxFrame.push(answer, streamId: frame.streamId) + [SmuxFrame(.fin, streamId: frame.streamId)] {
                            try await peer.output(sequence, .output, reply.encoded())
                            sequence += 1
                        }
                        finished += 1
                    case .nop:
                        break
                    }
                }
            }
            try await peer.closeChannel()
        }) { api, stream, _ in
            let logger = Logger(label: "portless.test.forward")
            let client = DataChannelClient(stream: stream, api: api, logger: logger)
            let forwarder = PortForwarder(channel: client, logger: logger)
            let listener = try await PortForwarder.listen(port: 0)
            let port = try #require(listener.channel.localAddress?.port)
            return try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    _ = try await client.run { output in
                        if case .stdout(let bytes) = output { try await forwarder.receive(bytes) }
                    }
                    await forwarder.finish()
                    return []
                }
                group.addTask {
                    _ = try await client.waitUntilReady()
                    try await forwarder.serve(listener)
                    return []
                }
                let replies = try await withThrowingTaskGroup(of: String.self) { connections in
                    for index in 1...3 {
                        connections.addTask { try await Self.exchange("hello \(index) " + String(repeating: "x", count: 40_000 * index), port: port) }
                    }
                    return try await connections.reduce(into: []) { $0.append($1) }
                }
                group.cancelAll()
                return replies
            }
        }
        #expect(Set(replies.map { $0.prefix(7) }) == ["HELLO 1", "HELLO 2", "HELLO 3"])
        #expect(replies.allSatisfy { $0.count == 8 + 40_000 * Int(String($0.dropFirst(6).prefix(1)))! })
        #expect(streams.withLock { Set($0) } == [3, 5, 7])
    }

    /// Sends `text`, closes the sending side, and reads the answer until the other side closes.
    private static func exchange(_ text: String, port: Int) async throws -> String {
        let connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel,
                                                                configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
        return try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: text))
            outbound.finish()
            var answer = ""
            for try await buffer in inbound { answer += String(buffer: buffer) }
            return answer
        }
    }
}
