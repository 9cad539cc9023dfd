import Foundation
import Logging
@testable import PortlessAgent
import PortlessCore
import Synchronization
import Testing

/// A leg writer that takes nothing while paused, the way a WebSocket whose reader stopped does.
private final class PausableLeg: SessionLegWriter {
    private let state = Mutex((paused: true, bytes: 0, exitCode: Int32?.none))

    func send(_ frame: SessionLegFrame) async throws {
        while state.withLock({ $0.paused }) { try await Task.sleep(for: .milliseconds(5)) }
        state.withLock {
            switch frame {
            case .bytes(_, let bytes): $0.bytes += bytes.count
            case .control(let control): if control.type == .exit { $0.exitCode = control.exitCode }
            }
        }
    }

    func resume() { state.withLock { $0.paused = false } }
    var bytes: Int { state.withLock { $0.bytes } }
    var exitCode: Int32? { state.withLock { $0.exitCode } }
}

@Suite("Backpressure")
struct BackpressureTests {
    @Test("a leg that takes nothing stops the command's output at the pipe, and it all arrives once it reads again")
    func slowLegHoldsTheWriter() async throws {
        let total = (16 << 20) + 4_099
        let leg = PausableLeg()
        let (inbound, input) = AsyncStream<SessionLegFrame>.makeStream()
        let order = order(.nonInteractiveCommand, command: "head -c \(total) /dev/zero; echo finished >&2")
        let task = Task { await SessionRunner(order: order, logger: Logger(label: "test.backpressure")).run(inbound: inbound, writer: leg) }
        try await Task.sleep(for: .seconds(1.5))
        // The command is stuck writing into a full pipe: nothing was taken, and it still runs.
        #expect(leg.bytes == 0)
        #expect(running("head -c \(total)"))
        leg.resume()
        await task.value
        input.finish()
        #expect(leg.exitCode == 0)
        #expect(leg.bytes == total + "finished\n".utf8.count)
    }
}

/// Whether a process whose command line starts with `command` runs.
private func running(_ command: String) -> Bool {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.contains { entry in
        guard Int(entry) != nil, let line = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")) else { return false }
        return String(decoding: line, as: UTF8.self).replacingOccurrences(of: "\0", with: " ").hasPrefix(command)
    }
}
