import Foundation
import NIOCore
import PortlessCore

/// One smux stream of a multiplexed port session: its TCP connection to the destination, relayed
/// until the destination's end (then a FIN to the client) and the client's FIN have both come.
struct SmuxStream: Sendable {
    typealias Outbound = NIOAsyncChannelOutboundWriter<ByteBuffer>

    let id: UInt32
    let destination: PortDestination
    let writer: any SessionLegWriter
    private let tally = ConnectionTally()
    /// Hands the connection's writer (once connected) to the leg loop; finished without one when the connect fails.
    private let ready: AsyncStream<Outbound>
    private let readyContinuation: AsyncStream<Outbound>.Continuation
    /// Finished when the client has closed the stream (or the session ends).
    private let clientFinished: AsyncStream<Void>
    private let clientFinishedContinuation: AsyncStream<Void>.Continuation

    init(id: UInt32, destination: PortDestination, writer: any SessionLegWriter) {
        self.id = id
        self.destination = destination
        self.writer = writer
        (ready, readyContinuation) = AsyncStream<Outbound>.makeStream(bufferingPolicy: .bufferingNewest(1))
        (clientFinished, clientFinishedContinuation) = AsyncStream<Void>.makeStream()
    }

    /// The leg loop's handle on this stream.
    var clientSide: ClientSide {
        ClientSide(ready: ready, finished: clientFinishedContinuation, tally: tally)
    }

    /// Connects and relays the destination's bytes to the client as PSH frames.
    func run() async {
        let connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            connection = try await SessionChannels.connect(host: destination.host, port: destination.port)
        } catch {
            readyContinuation.finish()
            try? await writer.send(.bytes(.stream, SmuxFrame(.fin, streamId: id).encoded()))
            try? await writer.send(destination.report(.failed, streamId: id, message: "\(error)"))
            return
        }
        try? await writer.send(destination.report(.opened, streamId: id))
        try? await connection.executeThenClose { fromDestination, toDestination in
            readyContinuation.yield(toDestination)
            readyContinuation.finish()
            do {
                for try await buffer in fromDestination {
                    // One leg frame for the whole read, however many smux frames it takes.
                    let frames = SmuxFrame.push(Data(buffer.readableBytesView), streamId: id)
                    var leg = Data(capacity: buffer.readableBytes + SmuxFrame.headerSize * frames.count)
                    for frame in frames { frame.append(to: &leg) }
                    try await writer.send(.bytes(.stream, leg))
                    tally.received(buffer.readableBytes)
                }
            } catch {}
            try? await writer.send(.bytes(.stream, SmuxFrame(.fin, streamId: id).encoded()))
            for await _ in clientFinished {}
        }
        try? await writer.send(destination.report(.closed, streamId: id, tally: tally))
    }

    /// What the leg loop does with a stream's frames from the client. Used by that loop alone.
    final class ClientSide {
        private let ready: AsyncStream<Outbound>
        private let finished: AsyncStream<Void>.Continuation
        private let tally: ConnectionTally
        private var outbound: Outbound?
        private var resolved = false

        fileprivate init(ready: AsyncStream<Outbound>, finished: AsyncStream<Void>.Continuation, tally: ConnectionTally) {
            self.ready = ready
            self.finished = finished
            self.tally = tally
        }

        /// PSH: writes to the destination once connected (data for a failed stream is dropped).
        func write(_ data: Data) async {
            guard let outbound = await connection() else { return }
            do {
                try await outbound.write(ByteBuffer(bytes: data))
                tally.sent(data.count)
            } catch {}
        }

        /// FIN: half-closes the connection; the destination may still answer.
        func close() async {
            await connection()?.finish()
            finished.finish()
        }

        /// The session ended.
        func finish() {
            finished.finish()
        }

        private func connection() async -> Outbound? {
            if !resolved {
                var iterator = ready.makeAsyncIterator()
                outbound = await iterator.next()
                resolved = true
            }
            return outbound
        }
    }
}
