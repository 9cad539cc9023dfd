import Foundation
import PortlessCore

/// One frame on a session leg as the session runner sees it: stream bytes on a channel, or a control.
enum SessionLegFrame: Sendable, Equatable {
    case bytes(SessionLegChannel, Data)
    case control(SessionLegControl)
}

/// Where a session runner writes its frames. Each call returns once the frame is handed to the
/// transport (a WebSocket in production, a test's collector in tests), so a slow reader at the
/// other end slows the writer.
protocol SessionLegWriter: Sendable {
    func send(_ frame: SessionLegFrame) async throws
}

extension SessionLegWriter {
    /// Sends a control frame.
    func send(_ control: SessionLegControl) async throws {
        try await send(.control(control))
    }
}

/// Why a session could not start or had to stop; `message` goes to the server as the `error` control.
struct SessionFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
