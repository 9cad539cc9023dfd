import Foundation
import NIOCore
import NIOWebSocket
import PortlessCore
import Synchronization
import WSCore

/// One client connection to a session's data channel. Frames are queued to a single writer task, so no caller
/// ever waits on a client that does not read: output is bounded by the session's window, and the rest
/// (acknowledgements, resends) is dropped once `queueLimit` frames wait — the protocol sends them again.
final class ClientLeg: Sendable {
    static let queueLimit = 256
    /// After the leg is finished, its connection is dropped this long later even if the writer is stuck.
    static let closeGrace: Duration = .seconds(5)

    let id = UUID()
    /// `portless session` gets stderr and the exit code as their own payload types.
    let isPortless: Bool
    private let frames: AsyncStream<DataChannelMessage>.Continuation
    private let waiting = Mutex(0)
    private let dropConnection: @Sendable () -> Void

    /// Starts the writer for `outbound`; `dropConnection` ends the WebSocket (called once the writer is done or
    /// the grace has passed).
    init(outbound: WebSocketOutboundWriter, isPortless: Bool, dropConnection: @escaping @Sendable () -> Void) {
        self.isPortless = isPortless
        self.dropConnection = dropConnection
        let (stream, continuation) = AsyncStream<DataChannelMessage>.makeStream()
        frames = continuation
        Task { [self] in
            for await message in stream {
                // Encoded here, off the session's actor: the payload is digested and copied once, into the frame.
                var frame = ByteBufferAllocator().buffer(capacity: DataChannelMessage.payloadOffset + message.payload.count)
                frame.writeBytes(message.encodedHeader())
                frame.writeBytes(message.payload)
                do { try await outbound.write(.binary(frame)) } catch { break }
                waiting.withLock { $0 -= 1 }
            }
            try? await outbound.close(.normalClosure, reason: "session ended")
            dropConnection()
        }
    }

    /// Queues `message`; one that is not `essential` is dropped when the queue is full.
    func send(_ message: DataChannelMessage, essential: Bool) {
        let accepted = waiting.withLock { count in
            guard essential || count < Self.queueLimit else { return false }
            count += 1
            return true
        }
        if accepted { frames.yield(message) }
    }

    /// Whether everything queued has been written.
    var isIdle: Bool { waiting.withLock { $0 == 0 } }

    /// Writes what is queued, closes, and drops the connection at the latest after `closeGrace`.
    func finish() {
        frames.finish()
        let dropConnection = self.dropConnection
        Task {
            try? await Task.sleep(for: Self.closeGrace)
            dropConnection()
        }
    }
}
