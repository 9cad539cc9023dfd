public import Foundation

/// Persistence for Session Manager sessions. Every method is atomic.
public protocol SessionStore: Sendable {
    func insertSession(_ session: SessionRecord) async throws

    func session(id: String) async throws -> SessionRecord?

    /// Replaces the stored session of the same ID; false when there is none.
    @discardableResult
    func updateSession(_ session: SessionRecord) async throws -> Bool

    /// The account's sessions matching `query`, newest first.
    func sessions(accountId: String, matching query: SessionQuery) async throws -> [SessionRecord]

    /// Sessions in an active status, of every account (at start, to end those a restart cut off).
    func activeSessions() async throws -> [SessionRecord]
}

/// DescribeSessions' filters.
public struct SessionQuery: Sendable, Equatable {
    public var active: Bool
    public var target: String?
    public var owner: String?
    public var status: SessionStatus?
    public var sessionId: String?
    public var startedAfter: Date?
    public var startedBefore: Date?

    public init(active: Bool, target: String? = nil, owner: String? = nil, status: SessionStatus? = nil, sessionId: String? = nil,
                startedAfter: Date? = nil, startedBefore: Date? = nil) {
        self.active = active
        self.target = target
        self.owner = owner
        self.status = status
        self.sessionId = sessionId
        self.startedAfter = startedAfter
        self.startedBefore = startedBefore
    }
}
