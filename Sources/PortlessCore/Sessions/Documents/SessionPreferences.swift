/// An account's Session Manager preferences: the `inputs` of its `SSM-SessionManagerRunShell` document
/// (or of a Standard_Stream document's own `inputs`), typed.
public struct SessionPreferences: Sendable, Equatable {
    /// Inactivity after which the server ends a session (`idleSessionTimeout`, 1–60 minutes).
    public var idleSessionTimeout: Duration
    /// The longest a session may last (`maxSessionDuration`, 1–1440 minutes); nil for no limit.
    public var maxSessionDuration: Duration?
    /// Whether sessions run as `runAsDefaultUser` (or the principal's `SSMSessionRunAs` tag).
    public var runAsEnabled: Bool
    /// The node user sessions run as when run-as is enabled.
    public var runAsDefaultUser: String?
    /// Shell lines run when a Linux shell starts (`shellProfile.linux`).
    public var shellProfile: String?
    /// The KMS key session recordings are encrypted under, when set.
    public var kmsKeyId: String?
    /// The bucket (and key prefix) session logs are written to.
    public var s3BucketName: String?
    public var s3KeyPrefix: String?
    /// Whether the bucket must be encrypted (`s3EncryptionEnabled`).
    public var s3EncryptionEnabled: Bool
    /// The log group session logs go to.
    public var cloudWatchLogGroupName: String?
    /// Whether the log group must be encrypted (`cloudWatchEncryptionEnabled`).
    public var cloudWatchEncryptionEnabled: Bool
    /// Whether session data streams to the log group as it happens rather than at the end (`cloudWatchStreamingEnabled`).
    public var cloudWatchStreamingEnabled: Bool

    /// The preferences of an account without an `SSM-SessionManagerRunShell` document: 20 minutes idle,
    /// no maximum, no run-as, no profile, no logging destination.
    public static let defaults = SessionPreferences(
        idleSessionTimeout: .seconds(20 * 60), maxSessionDuration: nil, runAsEnabled: false, runAsDefaultUser: nil,
        shellProfile: nil, kmsKeyId: nil, s3BucketName: nil, s3KeyPrefix: nil, s3EncryptionEnabled: false,
        cloudWatchLogGroupName: nil, cloudWatchEncryptionEnabled: false, cloudWatchStreamingEnabled: false)

    /// These preferences with every input `inputs` sets (a validated Session document's `inputs`)
    /// taking its place; an empty string sets nothing.
    public func applying(_ inputs: SessionInputs) -> SessionPreferences {
        var result = self
        if let minutes = inputs.idleSessionTimeoutMinutes { result.idleSessionTimeout = .seconds(minutes * 60) }
        if let minutes = inputs.maxSessionDurationMinutes { result.maxSessionDuration = .seconds(minutes * 60) }
        if let flag = inputs.runAsEnabled { result.runAsEnabled = flag }
        if let flag = inputs.s3EncryptionEnabled { result.s3EncryptionEnabled = flag }
        if let flag = inputs.cloudWatchEncryptionEnabled { result.cloudWatchEncryptionEnabled = flag }
        if let flag = inputs.cloudWatchStreamingEnabled { result.cloudWatchStreamingEnabled = flag }
        result.runAsDefaultUser = inputs.runAsDefaultUser ?? result.runAsDefaultUser
        result.shellProfile = inputs.shellProfileLinux ?? result.shellProfile
        result.kmsKeyId = inputs.kmsKeyId ?? result.kmsKeyId
        result.s3BucketName = inputs.s3BucketName ?? result.s3BucketName
        result.s3KeyPrefix = inputs.s3KeyPrefix ?? result.s3KeyPrefix
        result.cloudWatchLogGroupName = inputs.cloudWatchLogGroupName ?? result.cloudWatchLogGroupName
        return result
    }
}
