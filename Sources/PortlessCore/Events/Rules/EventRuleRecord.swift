public import Foundation

/// A rule on an account's `default` event bus: an event pattern and/or a schedule, and its state.
public struct EventRuleRecord: Sendable, Hashable, Codable {
    /// `ENABLED` or `DISABLED` (EventBridge's third state, for CloudTrail management events, is treated as enabled).
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case enabled = "ENABLED"
        case disabled = "DISABLED"
        case enabledWithAllCloudTrailManagementEvents = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"

        public var isEnabled: Bool { self != .disabled }
    }

    public static let busName = "default"

    public var accountId: String
    public var name: String
    public var eventPattern: String?
    public var scheduleExpression: String?
    public var state: State
    public var description: String?
    public var roleArn: String?
    public var tags: [Tag]
    public var createdAt: Date

    public init(accountId: String, name: String, eventPattern: String?, scheduleExpression: String?, state: State,
                description: String?, roleArn: String?, tags: [Tag], createdAt: Date) {
        self.accountId = accountId
        self.name = name
        self.eventPattern = eventPattern
        self.scheduleExpression = scheduleExpression
        self.state = state
        self.description = description
        self.roleArn = roleArn
        self.tags = tags
        self.createdAt = createdAt
    }

    /// `arn:aws:events:REGION:ACCOUNT:rule/NAME` (rules of the default bus carry no bus name).
    public func arn(region: String) -> String { Self.arn(region: region, account: accountId, name: name) }

    public static func arn(region: String, account: String, name: String) -> String {
        "arn:aws:events:\(region):\(account):rule/\(name)"
    }
}
