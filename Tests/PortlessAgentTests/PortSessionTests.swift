import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
@testable import PortlessAgent
import PortlessCore
import Testing

@Suite("Port sessions")
struct PortSessionTests {
    @Test("raw mode relays one TCP connection both ways and reports its byte counts")
    func raw() async throws {
        try await withEchoServer { port in
            let (leg, task) = startSession(order(.port, port: port))
            leg.type("ping-1234")
            #expect(await leg.wait { $0.text() == "ping-1234" })
            leg.close()
            await task.value
            let events = leg.controls.filter { $0.type == .connection }
            #expect(events.map(\.event) == [.opened, .closed])
            #expect(events.last?.destination == "127.0.0.1:\(port)")
            #expect(events.last?.bytesIn == 9)
            #expect(events.last?.bytesOut == 9)
        }
    }

    @Test("a failed connect is reported, then the session fails")
    func connectFailure() async throws {
        try await withRefusingPort { port in
            let (leg, task) = startSession(order(.port, port: port))
            await task.value
            #expect(leg.controls.map(\.type) == [.connection, .error])
            #expect(leg.controls.first?.event == .failed)
        }
    }

    @Test("smux: three streams at once, each to its own connection, FIN both ways")
    func smux() async throws {
        try await withEchoServer { port in
            let (leg, task) = startSession(order(.port, port: port, multiplexed: true))
            let ids: [UInt32] = [3, 5, 7]
            var client = Data()
            for id in ids { client.append(SmuxFrame(.syn, streamId: id).encoded()) }
            client.append(SmuxFrame(.nop, streamId: 0).encoded())
            for id in ids { client.append(SmuxFrame(.psh, streamId: id, data: Data("stream-\(id)-".utf8)).encoded()) }
            for id in ids { client.append(SmuxFrame(.psh, streamId: id, data: Data(repeating: UInt8(id), count: 32_000)).encoded()) }
            // Frames split anywhere across leg frames.
            for chunk in stride(from: 0, to: client.count, by: 1000) {
                leg.feed(.bytes(.stream, Data(client[chunk..<min(chunk + 1000, client.count)])))
            }
            #expect(await leg.wait { received($0).data.values.map(\.count).reduce(0, +) == 3 * (9 + 32_000) })
            for id in ids { leg.feed(.bytes(.stream, SmuxFrame(.fin, streamId: id).encoded())) }
            #expect(await leg.wait { Set(received($0).fins) == Set(ids) })
            let streams = received(leg).data
            for id in ids {
                #expect(streams[id] == Data("stream-\(id)-".utf8) + Data(repeating: UInt8(id), count: 32_000))
            }
            #expect(await leg.wait { $0.controls.filter { $0.event == .closed }.count == 3 })
            let closed = leg.controls.filter { $0.event == .closed }
            #expect(Set(closed.compactMap(\.streamId)) == Set(ids))
            #expect(closed.allSatisfy { $0.bytesIn == 32_009 && $0.bytesOut == 32_009 })
            leg.close()
            await task.value
        }
    }

    @Test("smux: a stream whose connect fails gets a FIN and a failed report")
    func smuxConnectFailure() async throws {
        try await withRefusingPort { port in
            let (leg, task) = startSession(order(.port, port: port, multiplexed: true))
            leg.feed(.bytes(.stream, SmuxFrame(.syn, streamId: 3).encoded()))
            #expect(await leg.wait { received($0).fins == [3] })
            #expect(await leg.wait { $0.controls.contains { $0.event == .failed && $0.streamId == 3 } })
            leg.close()
            await task.value
        }
    }
}

/// The smux frames the agent sent: data per stream and the streams it finished.
private func received(_ leg: TestLeg) -> (data: [UInt32: Data], fins: [UInt32]) {
    var reader = SmuxFrameReader()
    let frames = (try? reader.append(leg.bytes())) ?? []
    var data: [UInt32: Data] = [:]
    var fins: [UInt32] = []
    for frame in frames {
        switch frame.command {
        case .psh: data[frame.streamId, default: Data()].append(frame.data)
        case .fin: fins.append(frame.streamId)
        default: break
        }
    }
    return (data, fins)
}

/// Runs `body` with a TCP echo server on loopback, which closes a connection when its client half-closes.
private func withEchoServer(_ body: (Int) async throws -> Void) async throws {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { $0.pipeline.addHandler(EchoHandler()) }
        .bind(host: "127.0.0.1", port: 0).get()
    do {
        try await body(server.localAddress?.port ?? 0)
    } catch {
        try? await server.close()
        throw error
    }
    try await server.close()
}

private final class EchoHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.writeAndFlush(data, promise: nil)
    }
}

/// Runs `body` with a loopback port that refuses connections: bound (so no other test gets it) but not listening.
private func withRefusingPort(_ body: (Int) async throws -> Void) async throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    try #require(bound)
    try await body(Int(UInt16(bigEndian: address.sin_port)))
}
