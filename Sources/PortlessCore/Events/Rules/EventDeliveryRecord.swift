public import Foundation

/// One matched event on its way to one target: stored before the first attempt, so that a restart resumes it; kept
/// as a dead letter once its retries are spent.
public struct EventDeliveryRecord: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case pending = "PENDING"
        case deadLettered = "DEAD_LETTERED"
    }

    public var id: String
    public var accountId: String
    public var ruleName: String
    public var targetId: String
    /// The event as matched (its JSON text): the input is made from it at each attempt, with the target as it is then.
    public var event: String
    public var state: State
    /// Attempts made so far.
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
    /// Why the last attempt failed.
    public var lastError: String?

    public init(id: String, accountId: String, ruleName: String, targetId: String, event: String, createdAt: Date) {
        self.id = id
        self.accountId = accountId
        self.ruleName = ruleName
        self.targetId = targetId
        self.event = event
        self.state = .pending
        self.attempts = 0
        self.createdAt = createdAt
        self.nextAttemptAt = createdAt
    }
}
