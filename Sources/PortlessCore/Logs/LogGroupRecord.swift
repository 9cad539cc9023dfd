/// A log group of an account: a named container of streams with its retention and key.
public struct LogGroupRecord: Sendable, Hashable, Codable {
    public var accountId: String
    public var name: String
    /// Milliseconds since the epoch, as CloudWatch Logs gives every time.
    public var creationTime: Int64
    /// Days events are kept; nil keeps them for ever.
    public var retentionInDays: Int?
    /// The KMS key ARN the group's events are encrypted under, if one is associated.
    public var kmsKeyId: String?
    public var logGroupClass: LogGroupClass

    public init(accountId: String, name: String, creationTime: Int64, retentionInDays: Int? = nil, kmsKeyId: String? = nil,
                logGroupClass: LogGroupClass = .standard) {
        self.accountId = accountId
        self.name = name
        self.creationTime = creationTime
        self.retentionInDays = retentionInDays
        self.kmsKeyId = kmsKeyId
        self.logGroupClass = logGroupClass
    }

    /// `arn:aws:logs:REGION:ACCOUNT:log-group:NAME`.
    public func arn(region: String) -> String { LogGroupRecord.arn(region: region, account: accountId, name: name) }

    /// The ARN of group `name` of `account`.
    public static func arn(region: String, account: String, name: String) -> String { "arn:aws:logs:\(region):\(account):log-group:\(name)" }
}

/// A log group's class; Portless stores every class the same way.
public enum LogGroupClass: String, Sendable, Hashable, Codable, CaseIterable {
    case standard = "STANDARD", infrequentAccess = "INFREQUENT_ACCESS", delivery = "DELIVERY"
}
