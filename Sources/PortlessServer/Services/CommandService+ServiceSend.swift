import Foundation
import Logging
import PortlessCore

/// A command the server sends on its own behalf for an account (a State Manager association's run).
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
}

extension CommandService {
    /// Stores and starts a command the server sends for an account: the document and parameters are checked and
    /// planned as SendCommand does, but no caller is authorized (the association that asks was, when it was made).
    /// `aws:downloadContent` S3 sources stay as written: presigning needs a caller's key.
    func sendOnBehalf(_ request: ServiceCommandRequest, now: Date = Date()) async throws -> CommandRecord {
        let document = try await documents.resolve(name: request.documentName, version: request.documentVersion, accountId: request.accountId)
        var plan = try CommandPlanner.plan(document.content, parameters: request.parameters)
        plan.steps = try await RunDocumentExpander(catalog: documents).expand(plan.steps, accountId: request.accountId)
        let timeout = 3600
        let executionTimeout = Int(plan.parameters["executionTimeout"]?.first ?? "") ?? 3600
        var command = CommandRecord(
            commandId: request.commandId, accountId: request.accountId, documentName: document.name,
            documentVersion: document.version, comment: request.comment, parameters: plan.parameters,
            instanceIds: [], targets: request.targets, requestedDateTime: now,
            expiresAfter: now.addingTimeInterval(TimeInterval(timeout + executionTimeout)), timeoutSeconds: timeout,
            status: .pending, statusDetails: "Pending", maxConcurrency: request.maxConcurrency ?? "50",
            maxErrors: request.maxErrors ?? "0", targetCount: request.nodes.count, plan: plan)
        command.outputS3BucketName = request.outputS3BucketName
        command.outputS3KeyPrefix = request.outputS3KeyPrefix
        let invocations = request.nodes.map {
            InvocationRecord(commandId: command.commandId, instanceId: $0.instanceId, instanceName: $0.hostname, requestedDateTime: now)
        }
        CommandProgress.recount(&command, invocations: invocations)
        try await store.insertCommand(command, invocations: invocations)
        logger.info("command sent for the service", metadata: ["portless.command": "\(command.commandId)", "portless.targets": "\(request.nodes.count)"])
        await events.commandChanged(command)
        try await dispatcher.start(command, invocations: invocations)
        return command
    }
}
