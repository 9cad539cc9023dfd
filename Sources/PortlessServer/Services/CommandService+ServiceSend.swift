import Foundation
import PortlessCore

/// A command the server sends on its own behalf for an account (a State Manager association's run, a scan).
struct ServiceCommandRequest: Sendable {
    /// The command's ID, chosen by the caller so that it can record it before the command runs.
    var commandId: String
    var accountId: String
    var documentName: String
    var documentVersion: String?
    var parameters: [String: [String]]
    /// The nodes to run on, already resolved in `accountId`.
    var nodes: [TargetedNode]
    /// The targets the nodes were chosen by, as the command lists them.
    var targets: [Target]
    var comment: String
    var maxConcurrency: String?
    var maxErrors: String?
    var outputS3BucketName: String?
    var outputS3KeyPrefix: String?
    /// Seconds the command waits for offline nodes.
    var timeoutSeconds = 3600
    /// A node's own variables, over the command's (a scan's per-node upload URL).
    var nodeEnvironment: (@Sendable (TargetedNode) -> [String: String])? = nil
}

extension CommandService {
    /// Stores and starts a command the server sends for an account: the document and parameters are checked and
    /// planned as SendCommand does, but no caller is authorized (the association that asks was, when it was made).
    /// `aws:downloadContent` S3 sources stay as written: presigning needs a caller's key.
    func sendOnBehalf(_ request: ServiceCommandRequest, now: Date = Date()) async throws -> CommandRecord {
        let document = try await documents.resolve(name: request.documentName, version: request.documentVersion, accountId: request.accountId)
        var plan = try CommandPlanner.plan(document.content, parameters: request.parameters)
        plan.steps = try await RunDocumentExpander(catalog: documents).expand(plan.steps, accountId: request.accountId)
        return try await launch(CommandLaunch(
            commandId: request.commandId, accountId: request.accountId, document: document, plan: plan, comment: request.comment,
            instanceIds: [], targets: request.targets, timeoutSeconds: request.timeoutSeconds, maxConcurrency: request.maxConcurrency ?? "50",
            maxErrors: request.maxErrors ?? "0", outputS3BucketName: request.outputS3BucketName, outputS3KeyPrefix: request.outputS3KeyPrefix,
            nodes: request.nodes, nodeEnvironment: request.nodeEnvironment), now: now)
    }
}
