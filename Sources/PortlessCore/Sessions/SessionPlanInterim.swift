// INTERIM: replaced by the session-documents branch (Core/Sessions/Documents) at merge.
/// The session type a session document declares.
public enum SessionType: String, Sendable, Codable {
    case standardStream = "Standard_Stream", interactiveCommands = "InteractiveCommands", nonInteractiveCommands = "NonInteractiveCommands", port = "Port"
}

/// An account's session preferences.
public struct SessionPreferences: Sendable, Equatable {
    public var idleSessionTimeout: Duration = .seconds(20 * 60)
    public var maxSessionDuration: Duration?
    public var runAsEnabled = false
    public var runAsDefaultUser: String?
    public var shellProfile: String?
    public var kmsKeyId: String?
    public var s3BucketName: String?
    public var s3KeyPrefix: String?
    public var cloudWatchLogGroupName: String?
    public static let defaults = SessionPreferences()
}

/// A validated StartSession request.
public struct SessionPlan: Sendable, Equatable {
    public var documentName: String
    public var sessionType: SessionType
    public var properties: [String: String]
    public var command: String?
    public var host: String?
    public var port: Int?
    public var multiplexed: Bool
    public var preferences: SessionPreferences

    public init(documentName: String, sessionType: SessionType, properties: [String: String] = [:], command: String? = nil, host: String? = nil,
                port: Int? = nil, multiplexed: Bool = false, preferences: SessionPreferences = .defaults) {
        self.documentName = documentName
        self.sessionType = sessionType
        self.properties = properties
        self.command = command
        self.host = host
        self.port = port
        self.multiplexed = multiplexed
        self.preferences = preferences
    }
}
