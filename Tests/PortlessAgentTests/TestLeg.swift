import Foundation
import Logging
@testable import PortlessAgent
import PortlessCore
import Synchronization

/// A session leg the tests drive: frames go in through `inbound`, and whatever the runner sends is kept.
final class TestLeg: SessionLegWriter {
    let inbound: AsyncStream<SessionLegFrame>
    private let input: AsyncStream<SessionLegFrame>.Continuation
    private let sent = Mutex<[SessionLegFrame]>([])

    init() {
        (inbound, input) = AsyncStream.makeStream()
    }

    func send(_ frame: SessionLegFrame) async throws {
        sent.withLock { $0.append(frame) }
    }

    /// Types `text` into the session.
    func type(_ text: String) {
        input.yield(.bytes(.stream, Data(text.utf8)))
    }

    func feed(_ frame: SessionLegFrame) {
        input.yield(frame)
    }

    /// The server closes the leg.
    func close() {
        input.finish()
    }

    var frames: [SessionLegFrame] { sent.withLock { $0 } }

    /// Every byte sent on `channel`, in order.
    func bytes(_ channel: SessionLegChannel = .stream) -> Data {
        frames.reduce(into: Data()) { data, frame in
            if case .bytes(channel, let bytes) = frame { data.append(bytes) }
        }
    }

    func text(_ channel: SessionLegChannel = .stream) -> String {
        String(decoding: bytes(channel), as: UTF8.self)
    }

    var controls: [SessionLegControl] {
        frames.compactMap { if case .control(let control) = $0 { control } else { nil } }
    }

    var exitCode: Int32? { controls.first { $0.type == .exit }?.exitCode }

    /// Waits until `condition` holds (true) or `timeout` passes (false).
    func wait(timeout: Duration = .seconds(15), until condition: (TestLeg) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(self)
    }

    /// Waits for `needle` in the stream output.
    func waitForOutput(_ needle: String, timeout: Duration = .seconds(15)) async -> Bool {
        await wait(timeout: timeout) { $0.text().contains(needle) }
    }
}

/// Runs `order` against a fresh test leg in a task of its own.
func startSession(_ order: SessionOrder) -> (TestLeg, Task<Void, Never>) {
    let leg = TestLeg()
    let runner = SessionRunner(order: order, logger: Logger(label: "test.session"))
    let task = Task { await runner.run(inbound: leg.inbound, writer: leg) }
    return (leg, task)
}

/// A session order for the tests.
func order(_ mode: SessionOrder.Mode, user: String? = "root", command: String? = nil, port: Int? = nil,
           multiplexed: Bool = false, columns: Int? = nil, rows: Int? = nil, profile: String? = nil) -> SessionOrder {
    SessionOrder(sessionId: "test-" + UUID().uuidString.prefix(8).lowercased(), legToken: "token", mode: mode, runAsUser: user,
                 shellProfile: profile, command: command, host: port == nil ? nil : "127.0.0.1", port: port,
                 multiplexed: multiplexed, columns: columns, rows: rows)
}
