import Foundation
import NIOCore
import PortlessCore
import Synchronization

/// A session leg's inbound side after the handshake. `read()` takes every WebSocket message as it
/// comes, whatever the session is doing: `credit` controls refill the agent's `LegCredit` at once,
/// and the other frames queue for the session, which iterates this sequence. The stream bytes the
/// session has consumed (it asks for the next frame only once it has delivered the last) are granted
/// back to the server. The server keeps to the window, so the queue holds at most a window of bytes;
/// a server that overruns it loses the leg. Frames with an unknown channel and text that is no
/// control are skipped.
///
/// `@unchecked Sendable`: the WebSocket's inbound half is read by one task; only `read()` uses it, and it
/// runs once, in a task of its own.
final class WebSocketLegInbound: AsyncSequence, @unchecked Sendable {
    typealias Element = SessionLegFrame

    private var messages: LegInbound
    private let credit: LegCredit
    private let writer: any SessionLegWriter
    private let window = Mutex(SessionLegWindow())
    private let frames: AsyncThrowingStream<SessionLegFrame, any Error>
    private let queue: AsyncThrowingStream<SessionLegFrame, any Error>.Continuation

    init(messages: LegInbound, credit: LegCredit, writer: any SessionLegWriter) {
        self.messages = messages
        self.credit = credit
        self.writer = writer
        (frames, queue) = AsyncThrowingStream.makeStream()
    }

    /// Reads the leg until it closes (or the server overruns the window); then the session's
    /// sequence ends and sending stops.
    func read() async {
        defer {
            queue.finish()
            credit.close()
        }
        do {
            while let message = try await messages.next() {
                switch message {
                case .binary(let buffer):
                    guard let (channel, bytes) = SessionLeg.parse(Data(buffer.readableBytesView)) else { continue }
                    guard window.withLock({ $0.receive(bytes.count) }) else { return }
                    queue.yield(.bytes(channel, bytes))
                case .text(let text):
                    guard let control = try? SessionLegControl.decode(text) else { continue }
                    if control.type == .credit {
                        if let granted = control.credit, granted > 0 { credit.grant(granted) }
                    } else {
                        queue.yield(.control(control))
                    }
                }
            }
        } catch {}
    }

    /// The session consumed `count` stream bytes: grant them back once a batch has gathered.
    private func consumed(_ count: Int) async throws {
        guard let granted = window.withLock({ $0.consume(count) }) else { return }
        try await writer.send(SessionLegControl(type: .credit, credit: granted))
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var frames: AsyncThrowingStream<SessionLegFrame, any Error>.AsyncIterator
        fileprivate let inbound: WebSocketLegInbound
        private var unconsumed = 0

        fileprivate init(frames: AsyncThrowingStream<SessionLegFrame, any Error>.AsyncIterator, inbound: WebSocketLegInbound) {
            self.frames = frames
            self.inbound = inbound
        }

        mutating func next() async throws -> SessionLegFrame? {
            if unconsumed > 0 {
                try await inbound.consumed(unconsumed)
                unconsumed = 0
            }
            let frame = try await frames.next()
            if case .bytes(_, let bytes)? = frame { unconsumed = bytes.count }
            return frame
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(frames: frames.makeAsyncIterator(), inbound: self)
    }
}
