import Foundation
import NIOCore
import PortlessCore

/// A multiplexed port session (AWS-StartPortForwardingSession, ...ToRemoteHost): the leg's stream
/// bytes are the plugin's smux v1 client, and the agent is the smux server. A SYN opens a TCP
/// connection to the destination for that stream, PSH carries bytes both ways, FIN half-closes
/// (either way), NOP is ignored; a stream whose connection fails gets a FIN at once.
///
/// smux v1 has no per-stream flow control: the one leg carries every stream, so the leg loop
/// awaits each write to a destination before it reads the next frame (a destination that stops
/// reading holds up the session, never the agent's memory).
struct SmuxSession: Sendable {
    let order: SessionOrder

    func serve<Inbound: AsyncSequence & Sendable>(inbound: Inbound, writer: any SessionLegWriter) async throws
    where Inbound.Element == SessionLegFrame {
        let destination = try PortDestination(order)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var reader = SmuxFrameReader()
            var streams: [UInt32: SmuxStream.ClientSide] = [:]
            defer {
                streams.values.forEach { $0.finish() }
                group.cancelAll()
            }
            do {
                for try await frame in inbound {
                    guard case .bytes(.stream, let bytes) = frame else { continue }
                    let frames: [SmuxFrame]
                    do { frames = try reader.append(bytes) } catch {
                        throw SessionFailure("The port session's stream is not smux v1: \(error)")
                    }
                    for frame in frames {
                        switch frame.command {
                        case .syn:
                            guard streams[frame.streamId] == nil else { continue }
                            let stream = SmuxStream(id: frame.streamId, destination: destination, writer: writer)
                            streams[frame.streamId] = stream.clientSide
                            group.addTask { await stream.run() }
                        case .psh:
                            await streams[frame.streamId]?.write(frame.data)
                        case .fin:
                            await streams.removeValue(forKey: frame.streamId)?.close()
                        case .nop:
                            break
                        }
                    }
                }
            } catch let failure as SessionFailure {
                throw failure
            } catch {
                // The leg failed: the session is over.
            }
        }
    }
}
