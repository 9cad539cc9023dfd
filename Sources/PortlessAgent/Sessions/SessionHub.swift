import Foundation
import PortlessCore

/// The sessions this agent runs, by session ID. The control channel opens and terminates them;
/// each runs in a task of its own on a leg of its own, independent of the others and of the
/// control channel (which may reconnect meanwhile).
actor SessionHub {
    /// An opened session waiting to be run, and the signal that stops it.
    struct Launch: Sendable {
        let order: SessionOrder
        /// Finished when the session is to end at once.
        let stop: AsyncStream<Void>
    }

    private let launches: AsyncStream<Launch>.Continuation
    private var stops: [String: AsyncStream<Void>.Continuation] = [:]

    init(launches: AsyncStream<Launch>.Continuation) {
        self.launches = launches
    }

    /// The server ordered a session; an order for a session already running is ignored.
    func open(_ order: SessionOrder) {
        guard stops[order.sessionId] == nil else { return }
        let (stop, continuation) = AsyncStream<Void>.makeStream()
        stops[order.sessionId] = continuation
        launches.yield(Launch(order: order, stop: stop))
    }

    /// The server ended a session: its task is cancelled, which kills what it runs.
    func terminate(_ sessionId: String) {
        stops.removeValue(forKey: sessionId)?.finish()
    }

    private func ended(_ sessionId: String) {
        stops[sessionId] = nil
    }

    /// Runs every launched session with `serve` until `launches` ends; a session's task is
    /// cancelled when its stop signal comes.
    static func run(_ launches: AsyncStream<Launch>, hub: SessionHub, serve: @escaping @Sendable (SessionOrder) async -> Void) async {
        await withDiscardingTaskGroup { group in
            for await launch in launches {
                group.addTask {
                    await withTaskGroup(of: Void.self) { session in
                        session.addTask { await serve(launch.order) }
                        session.addTask { for await _ in launch.stop {} }
                        _ = await session.next()
                        session.cancelAll()
                    }
                    await hub.ended(launch.order.sessionId)
                }
            }
        }
    }
}
