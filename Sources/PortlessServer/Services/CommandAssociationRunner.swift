import Foundation
import PortlessCore

/// Runs an association's document on its nodes as one Run Command command per execution; the command's
/// invocations are the execution's targets (`CommandExecutionTracker` follows them).
struct CommandAssociationRunner: AssociationRunner {
    let commands: CommandService
    let store: any Store & AssociationStore

    var outputSourceType: String { "RunCommand" }

    func run(_ association: AssociationRecord, nodes: [TargetedNode]?, executionId: String) async throws -> String {
        let targets = association.effectiveTargets
        var chosen = nodes ?? []
        if nodes == nil {
            chosen = try await store.targetNodes(accountId: association.accountId, meeting: TargetSelector(targets).conditions)
        }
        let resolved = chosen
        let commandId = Identifiers.uuid()
        // Linked before it runs, so that no status change of the command goes unseen.
        _ = try await store.modifyAssociationExecution(id: executionId) { execution in
            execution.outputSourceId = commandId
            execution.outputSourceType = outputSourceType
            execution.update(targets: resolved.map {
                AssociationExecutionTarget(resourceId: $0.instanceId, status: .pending, detailedStatus: "Pending", lastExecutionDate: nil)
            }, at: Date())
        }
        let bucket = association.outputLocation?.s3Location
        _ = try await commands.sendOnBehalf(ServiceCommandRequest(
            commandId: commandId, accountId: association.accountId, documentName: association.name,
            documentVersion: association.documentVersion, parameters: association.parameters, nodes: resolved, targets: targets,
            comment: String("Association \(association.associationId)".prefix(100)),
            maxConcurrency: association.maxConcurrency, maxErrors: association.maxErrors,
            outputS3BucketName: bucket?.outputS3BucketName, outputS3KeyPrefix: bucket?.outputS3KeyPrefix))
        return commandId
    }
}
