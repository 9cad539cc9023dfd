public import Foundation

/// One Session Manager session as the store keeps it.
public struct SessionRecord: Sendable, Codable, Equatable {
    public var sessionId: String
    public var accountId: String
    /// The node's ID.
    public var target: String
    /// The ARN of the principal that started it.
    public var owner: String
    public var status: SessionStatus
    public var startDate: Date
    public var endDate: Date?
    public var documentName: String
    public var reason: String?
    /// Why it ended, when it ended otherwise than by its user (idle, maximum duration, terminated by an admin, ...).
    public var details: String?
    /// The maximum duration in minutes, as DescribeSessions reports it.
    public var maxSessionDuration: String?
    public var mode: SessionOrder.Mode
    /// The user the shell or command runs as on the node.
    public var runAsUser: String?
    /// SHA-256 (hex) of the client's current stream token; the token itself is never stored.
    public var tokenDigest: String
    public var tokenExpiresAt: Date
    /// A token opens the data channel once.
    public var tokenUsed: Bool
    /// Where and under which key the transcript is kept (interactive sessions).
    public var recording: SessionRecording?
    /// Port sessions: connections and bytes carried (payloads are not recorded).
    public var portTraffic: PortTraffic?

    public init(sessionId: String, accountId: String, target: String, owner: String, status: SessionStatus, startDate: Date,
                documentName: String, reason: String?, maxSessionDuration: String?, mode: SessionOrder.Mode, runAsUser: String?,
                tokenDigest: String, tokenExpiresAt: Date) {
        self.sessionId = sessionId
        self.accountId = accountId
        self.target = target
        self.owner = owner
        self.status = status
        self.startDate = startDate
        self.documentName = documentName
        self.reason = reason
        self.maxSessionDuration = maxSessionDuration
        self.mode = mode
        self.runAsUser = runAsUser
        self.tokenDigest = tokenDigest
        self.tokenExpiresAt = tokenExpiresAt
        self.tokenUsed = false
    }
}

/// A session transcript's place in the object store and its data key, wrapped by KMS.
public struct SessionRecording: Sendable, Codable, Equatable {
    public var bucket: String
    /// Chunks are `prefix` + six-digit index.
    public var prefix: String
    /// The data key's KMS ciphertext blob (base64).
    public var wrappedKey: String
    /// The KMS key's ARN.
    public var keyArn: String

    public init(bucket: String, prefix: String, wrappedKey: String, keyArn: String) {
        self.bucket = bucket
        self.prefix = prefix
        self.wrappedKey = wrappedKey
        self.keyArn = keyArn
    }
}

/// What a port session carried: its connections and their bytes.
public struct PortTraffic: Sendable, Codable, Equatable {
    public var connections: Int
    public var failedConnections: Int
    public var bytesIn: Int64
    public var bytesOut: Int64

    public init(connections: Int = 0, failedConnections: Int = 0, bytesIn: Int64 = 0, bytesOut: Int64 = 0) {
        self.connections = connections
        self.failedConnections = failedConnections
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
    }
}
