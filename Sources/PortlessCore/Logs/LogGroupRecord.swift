public import Foundation

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
    /// The data keys events were sealed under, each encrypted under the KMS key associated when it was made; the
    /// last is current while a key is associated.
    public var dataKeys: [LogDataKey]?

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

/// A data key of a log group: its ID (stored beside each event sealed under it) and its KMS ciphertext.
public struct LogDataKey: Sendable, Hashable, Codable {
    public var id: String
    public var blob: Data

    public init(id: String, blob: Data) {
        self.id = id
        self.blob = blob
    }

    /// The KMS encryption context of a group's data keys, as CloudWatch Logs binds them: `aws:logs:arn`.
    public static func context(groupArn: String) -> [String: String] { ["aws:logs:arn": groupArn] }
}

/// A log group's class; Portless stores every class the same way.
public enum LogGroupClass: String, Sendable, Hashable, Codable, CaseIterable {
    case standard = "STANDARD", infrequentAccess = "INFREQUENT_ACCESS", delivery = "DELIVERY"
}
