import PortlessCore
import Synchronization

/// One agent message handed out of a WebSocket handler.
final class ReplyBox: Sendable {
    private let stored = Mutex<AgentMessage?>(nil)

    func set(_ message: AgentMessage?) { stored.withLock { $0 = message } }
    var value: AgentMessage? { stored.withLock { $0 } }
}
