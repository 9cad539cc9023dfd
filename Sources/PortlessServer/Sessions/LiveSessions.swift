import Foundation
import PortlessCore

/// The sessions running on this server, by ID.
actor LiveSessions {
    private var sessions: [String: LiveSession] = [:]

    func add(_ session: LiveSession) { sessions[session.sessionId] = session }

    func session(_ id: String) -> LiveSession? { sessions[id] }

    func remove(_ id: String) { sessions[id] = nil }

    var all: [LiveSession] { Array(sessions.values) }
}
