import Foundation
import NIOCore
import PortlessCore

/// Relays between a session leg and a running process until one of them ends. Each direction
/// awaits its write before it reads again: the leg's writer before the next output chunk, the
/// process's input before the next leg frame.
///
/// The process exiting ends the session: the output it left is drained (until its streams close,
/// at most `drainGrace`), the `exit` control goes out, and whatever still runs in its session is
/// killed. The leg closing ends it too: the process's session is killed and nothing more is sent.
struct ProcessRelay: Sendable {
    static let drainGrace: Duration = .seconds(1)

    let process: SessionProcess
    /// The process's output streams and the leg channel each goes to.
    let outputs: [(SessionLegChannel, NIOAsyncChannelInboundStream<ByteBuffer>)]
    let writer: any SessionLegWriter
    /// Handles one frame from the leg (input bytes, a resize).
    let deliver: @Sendable (SessionLegFrame) async throws -> Void

    private enum Event: Sendable {
        case outputEnded, legClosed, exited(Int32), drainExpired
    }

    func run<Inbound: AsyncSequence & Sendable>(inbound: Inbound) async where Inbound.Element == SessionLegFrame {
        await withTaskGroup(of: Event.self) { group in
            for (channel, stream) in outputs {
                group.addTask { [writer] in
                    do {
                        for try await buffer in stream {
                            try await writer.send(.bytes(channel, Data(buffer.readableBytesView)))
                        }
                    } catch {}
                    return .outputEnded
                }
            }
            group.addTask { [deliver] in
                do {
                    for try await frame in inbound {
                        // Input the process can no longer take (it is exiting) is dropped.
                        try? await deliver(frame)
                    }
                } catch {}
                return .legClosed
            }
            group.addTask { [process] in .exited(await process.exitCode()) }

            var openOutputs = outputs.count
            var exitCode: Int32?
            var legClosed = false
            var drained = false
            while let event = await group.next() {
                switch event {
                case .outputEnded: openOutputs -= 1
                case .legClosed:
                    legClosed = true
                    process.terminate()
                case .exited(let code):
                    exitCode = code
                    group.addTask {
                        try? await Task.sleep(for: Self.drainGrace)
                        return .drainExpired
                    }
                case .drainExpired: drained = true
                }
                guard let code = exitCode else { continue }
                if legClosed { break }
                if openOutputs == 0 || drained {
                    try? await writer.send(SessionLegControl(type: .exit, exitCode: code))
                    break
                }
            }
            process.terminate()
            group.cancelAll()
        }
    }
}
