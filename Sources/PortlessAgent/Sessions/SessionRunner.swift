import Foundation
import Logging
import PortlessCore

/// Serves one session order over its leg, whatever the mode. A session that cannot start or fails
/// sends the `error` control with the reason; the caller closes the leg when `run` returns.
/// Cancelling the task running it ends the session at once (its processes killed, its sockets closed).
struct SessionRunner: Sendable {
    let order: SessionOrder
    let logger: Logger

    /// Runs the session until its process ends, its connection ends, the leg's `inbound` ends, or the task is cancelled.
    func run<Inbound: AsyncSequence & Sendable>(inbound: Inbound, writer: any SessionLegWriter) async
    where Inbound.Element == SessionLegFrame {
        let metadata: Logger.Metadata = ["portless.session": "\(order.sessionId)", "portless.mode": "\(order.mode.rawValue)"]
        logger.info("session started", metadata: metadata)
        do {
            switch order.mode {
            case .shell, .interactiveCommand:
                try await TerminalSession(order: order).serve(inbound: inbound, writer: writer)
            case .nonInteractiveCommand:
                try await CommandSession(order: order).serve(inbound: inbound, writer: writer)
            case .port where order.multiplexed:
                try await SmuxSession(order: order).serve(inbound: inbound, writer: writer)
            case .port:
                try await PortSession(order: order).serve(inbound: inbound, writer: writer)
            }
            logger.info("session ended", metadata: metadata)
        } catch {
            let message = (error as? SessionFailure)?.message ?? "Unable to start command: \(error)"
            logger.warning("session failed", metadata: metadata.merging(["error": "\(message)"]) { _, new in new })
            try? await writer.send(SessionLegControl(type: .error, message: message))
        }
    }
}
