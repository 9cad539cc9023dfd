public import Foundation

/// One API call as CloudTrail records it (record format 1.08): who called what, from where, with which
/// (redacted) parameters, and how it ended. Encoded once, when it is appended; that text is what is chained,
/// sealed, looked up (`CloudTrailEvent`), delivered and exported.
public struct AuditRecord: Sendable, Codable, Hashable {
    /// The record format version CloudTrail writes today.
    public static let currentVersion = "1.08"

    public var eventVersion: String = Self.currentVersion
    public var userIdentity: AuditIdentity
    /// `2026-12-03T06:53:21Z`: CloudTrail's whole-second UTC time.
    public var eventTime: String
    public var eventSource: String
    public var eventName: String
    public var awsRegion: String
    public var sourceIPAddress: String
    public var userAgent: String
    public var errorCode: String?
    public var errorMessage: String?
    public var requestParameters: JSONValue?
    public var responseElements: JSONValue?
    public var additionalEventData: JSONValue?
    public var requestID: String
    public var eventID: String
    public var readOnly: Bool
    public var resources: [AuditResource]?
    public var eventType: String = "AwsApiCall"
    public var managementEvent: Bool
    public var recipientAccountId: String
    /// `Management` for control-plane calls, `Data` for object reads and writes.
    public var eventCategory: String

    public init(userIdentity: AuditIdentity, eventTime: Date, eventSource: String, eventName: String, awsRegion: String,
                sourceIPAddress: String, userAgent: String, requestID: String, eventID: String, readOnly: Bool,
                managementEvent: Bool = true, recipientAccountId: String) {
        self.userIdentity = userIdentity
        self.eventTime = Self.timestamp(eventTime)
        self.eventSource = eventSource
        self.eventName = eventName
        self.awsRegion = awsRegion
        self.sourceIPAddress = sourceIPAddress
        self.userAgent = userAgent
        self.requestID = requestID
        self.eventID = eventID
        self.readOnly = readOnly
        self.managementEvent = managementEvent
        self.recipientAccountId = recipientAccountId
        self.eventCategory = managementEvent ? "Management" : "Data"
    }

    /// The record's time as a date (nil only for a record edited by hand).
    public var date: Date? { try? Date(eventTime, strategy: .iso8601) }

    /// CloudTrail's `eventTime` format: UTC, whole seconds.
    public static func timestamp(_ date: Date) -> String {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)).formatted(.iso8601)
    }

    /// The record as the JSON text that is stored and chained.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A record from its stored text.
    public static func decode(_ text: String) throws -> AuditRecord {
        try JSONDecoder().decode(AuditRecord.self, from: Data(text.utf8))
    }

    /// Whether an operation named `eventName` only reads, by AWS's naming (Get, List, Describe, ...).
    public static func isReadOnly(_ eventName: String) -> Bool {
        readOnlyPrefixes.contains { eventName.hasPrefix($0) }
    }

    static let readOnlyPrefixes = ["Get", "List", "Describe", "Lookup", "Head", "Search", "Simulate", "Test", "BatchGet", "Generate",
                                   "Decrypt", "Encrypt", "Filter", "Validate"]
}

/// A resource an event names, as `LookupEvents` filters on it.
public struct AuditResource: Sendable, Codable, Hashable {
    public var type: String
    /// The resource's ARN (or name, where it has no ARN): `LookupEvents`' `ResourceName`.
    public var arn: String

    public init(type: String, arn: String) {
        self.type = type
        self.arn = arn
    }

    enum CodingKeys: String, CodingKey {
        case type
        case arn = "ARN"
    }
}

/// `userIdentity`: the caller as CloudTrail names it.
public struct AuditIdentity: Sendable, Codable, Hashable {
    /// `Root`, `IAMUser`, `AssumedRole`, or `Unknown` for a caller whose signature did not verify.
    public var type: String
    public var principalId: String?
    public var arn: String?
    public var accountId: String?
    public var accessKeyId: String?
    public var userName: String?
    public var sessionContext: AuditSessionContext?

    public init(type: String, principalId: String? = nil, arn: String? = nil, accountId: String? = nil, accessKeyId: String? = nil,
                userName: String? = nil, sessionContext: AuditSessionContext? = nil) {
        self.type = type
        self.principalId = principalId
        self.arn = arn
        self.accountId = accountId
        self.accessKeyId = accessKeyId
        self.userName = userName
        self.sessionContext = sessionContext
    }

    /// A caller whose credentials were not accepted: only the access key it named, if any.
    public static func unknown(accessKeyId: String?) -> AuditIdentity {
        AuditIdentity(type: "Unknown", accessKeyId: accessKeyId)
    }

    /// The name `LookupEvents`' `Username` attribute matches: the user, or the role session.
    public var lookupUserName: String? {
        userName ?? principalId.flatMap { id in id.split(separator: ":").last.map(String.init) }
    }
}

/// `userIdentity.sessionContext`: how temporary credentials were issued.
public struct AuditSessionContext: Sendable, Codable, Hashable {
    public struct Attributes: Sendable, Codable, Hashable {
        public var creationDate: String
        /// `"true"` or `"false"`, as CloudTrail spells it.
        public var mfaAuthenticated: String

        public init(creationDate: Date, mfaAuthenticated: Bool) {
            self.creationDate = AuditRecord.timestamp(creationDate)
            self.mfaAuthenticated = mfaAuthenticated ? "true" : "false"
        }
    }

    /// The role behind an assumed-role session.
    public struct Issuer: Sendable, Codable, Hashable {
        public var type: String = "Role"
        public var principalId: String
        public var arn: String
        public var accountId: String
        public var userName: String

        public init(principalId: String, arn: String, accountId: String, userName: String) {
            self.principalId = principalId
            self.arn = arn
            self.accountId = accountId
            self.userName = userName
        }
    }

    public var sessionIssuer: Issuer?
    public var attributes: Attributes
    public var sourceIdentity: String?

    public init(sessionIssuer: Issuer?, attributes: Attributes, sourceIdentity: String? = nil) {
        self.sessionIssuer = sessionIssuer
        self.attributes = attributes
        self.sourceIdentity = sourceIdentity
    }
}
