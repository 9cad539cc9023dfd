import Foundation
import NIOCore
import PortlessCore

/// A port session without multiplexing (AWS-StartSSHSession): one TCP connection to the
/// destination, its bytes both ways on the leg's stream channel, until either side ends.
struct PortSession: Sendable {
    let order: SessionOrder

    func serve<Inbound: AsyncSequence & Sendable>(inbound: Inbound, writer: any SessionLegWriter) async throws
    where Inbound.Element == SessionLegFrame {
        let destination = try PortDestination(order)
        let connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            connection = try await SessionChannels.connect(host: destination.host, port: destination.port)
        } catch {
            try? await writer.send(destination.report(.failed, streamId: 0, message: "\(error)"))
            throw SessionFailure("Unable to connect to \(destination.description): \(error)")
        }
        let tally = ConnectionTally()
        try await writer.send(destination.report(.opened, streamId: 0))
        try await connection.executeThenClose { fromDestination, toDestination in
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await buffer in fromDestination {
                            try await writer.send(.bytes(.stream, Data(buffer.readableBytesView)))
                            tally.received(buffer.readableBytes)
                        }
                    } catch {}
                }
                group.addTask {
                    do {
                        for try await frame in inbound {
                            guard case .bytes(.stream, let bytes) = frame else { continue }
                            try await toDestination.write(ByteBuffer(bytes: bytes))
                            tally.sent(bytes.count)
                        }
                    } catch {}
                }
                // Either direction ending ends the session.
                _ = await group.next()
                group.cancelAll()
            }
        }
        try? await writer.send(destination.report(.closed, streamId: 0, tally: tally))
    }
}
