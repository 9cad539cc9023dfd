import Foundation
import NIOCore
import PortlessCore

/// The client side of the smux v1 session inside a port session's byte stream: numbers the streams
/// (3, 5, 7, …), reads the server's frames out of the stream, and hands each stream's data to its
/// local connection, waiting for the write (so one slow local reader slows the whole session, as
/// smux v1 has no per-stream window).
actor SmuxStreamTable {
    private struct Stream {
        var writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var remoteFinished = false
        /// Finished when the server finishes the stream.
        var finishSignal: AsyncStream<Void>
        var finish: AsyncStream<Void>.Continuation
    }

    private var reader = SmuxFrameReader()
    private var nextStreamId: UInt32 = 3
    private var streams: [UInt32: Stream] = [:]
    private var over = false

    /// Registers a local connection's writer; returns its new stream ID.
    func open(_ writer: NIOAsyncChannelOutboundWriter<ByteBuffer>) -> UInt32 {
        let id = nextStreamId
        nextStreamId += 2
        let (signal, finish) = AsyncStream<Void>.makeStream()
        streams[id] = Stream(writer: writer, finishSignal: signal, finish: finish)
        if over { remoteFinished(id) }
        return id
    }

    /// Takes bytes of the server's stream: PSH data goes to its connection, FIN ends that connection's
    /// writing side, NOP and SYN are ignored (the server opens no streams).
    func receive(_ bytes: Data) async throws(SmuxError) {
        for frame in try reader.append(bytes) {
            switch frame.command {
            case .psh:
                guard let stream = streams[frame.streamId], !stream.remoteFinished else { continue }
                // A local connection that has gone drops its data; its own end sends FIN.
                try? await stream.writer.write(ByteBuffer(bytes: frame.data))
            case .fin:
                remoteFinished(frame.streamId)
            case .syn, .nop:
                continue
            }
        }
    }

    /// Waits until the server has finished the stream, the session is over, or the caller is cancelled.
    nonisolated func waitUntilRemoteFinished(_ id: UInt32) async {
        guard let signal = await finishSignal(id) else { return }
        for await _ in signal {}
    }

    /// Forgets a stream whose local connection is closed.
    func remove(_ id: UInt32) {
        guard let stream = streams.removeValue(forKey: id) else { return }
        stream.writer.finish()
        stream.finish.finish()
    }

    /// The session is over: every stream is finished.
    func finishAll() {
        over = true
        for id in streams.keys { remoteFinished(id) }
    }

    private func finishSignal(_ id: UInt32) -> AsyncStream<Void>? {
        streams[id]?.finishSignal
    }

    private func remoteFinished(_ id: UInt32) {
        guard var stream = streams[id], !stream.remoteFinished else { return }
        stream.remoteFinished = true
        stream.writer.finish()
        stream.finish.finish()
        streams[id] = stream
    }
}
