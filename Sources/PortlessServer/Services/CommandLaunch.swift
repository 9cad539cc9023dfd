import PortlessCore

/// Everything needed to store a command and start it: the resolved document and its plan, the nodes, and how
/// Run Command reports it (IDs or targets, timeout, rate control, output locations).
struct CommandLaunch: Sendable {
    var commandId: String
    var accountId: String
    var document: DocumentCatalog.Resolved
    var plan: CommandPlan
    var comment: String
    var instanceIds: [String]
    var targets: [Target]
    var timeoutSeconds: Int
    var maxConcurrency: String
    var maxErrors: String
    var outputS3BucketName: String?
    var outputS3KeyPrefix: String?
    var nodes: [TargetedNode]
    /// A node's own variables, over the command's.
    var nodeEnvironment: (@Sendable (TargetedNode) -> [String: String])?
    /// SendCommand's `CloudWatchOutputConfig`.
    var cloudWatchOutput: CloudWatchOutput? = nil
}
