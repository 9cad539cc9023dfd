import Foundation
import Logging
import PortlessCore

/// Starts association executions through the runner each association's document is routed to, and keeps each
/// execution's status, and its association's overview, in step with what the runner reports.
struct AssociationExecutor: Sendable {
    let store: any AssociationStore
    let router: AssociationRunnerRouter
    let logger: Logger

    /// Starts one execution of `association` on `nodes` (nil: every node its targets choose now). A runner that
    /// fails to start leaves the execution `Failed`; nothing is thrown.
    @discardableResult
    func execute(_ association: AssociationRecord, nodes: [TargetedNode]? = nil, now: Date = Date()) async -> AssociationExecutionRecord? {
        let execution = AssociationExecutionRecord(executionId: Identifiers.uuid(), associationId: association.associationId,
                                                   associationVersion: association.associationVersion, accountId: association.accountId,
                                                   createdTime: now)
        let logger = self.logger.with(association: association.associationId)
        do {
            try await store.insertAssociationExecution(execution)
            _ = try await store.modifyAssociation(id: association.associationId) { current in
                current.lastExecutionDate = now
                current.overview = AssociationOverview(execution)
            }
            let runner = router.runner(for: association)
            let sourceId = try await runner.run(association, nodes: nodes, executionId: execution.executionId)
            logger.info("association execution started", metadata: ["portless.execution": "\(execution.executionId)", "portless.source": "\(sourceId)"])
            let sourceType = runner.outputSourceType
            return try await finish(executionId: execution.executionId, now: now) { current in
                current.outputSourceId = sourceId
                current.outputSourceType = sourceType
            }
        } catch {
            logger.warning("association execution failed to start", metadata: ["portless.execution": "\(execution.executionId)", "error": "\(error)"])
            let detail = Self.startFailure(error)
            return try? await finish(executionId: execution.executionId, now: now) { current in
                current.status = .failed
                current.detailedStatus = detail
                current.lastExecutionDate = now
            }
        }
    }

    /// Records what a runner reports of an execution's targets and rolls their statuses up to the execution and,
    /// when it is the association's latest, to the association's overview.
    func record(targets: [AssociationExecutionTarget], executionId: String, now: Date = Date()) async throws {
        _ = try await finish(executionId: executionId, now: now) { $0.update(targets: targets, at: now) }
    }

    private func finish(executionId: String, now: Date,
                        _ change: @escaping @Sendable (inout AssociationExecutionRecord) -> Void) async throws -> AssociationExecutionRecord? {
        guard let execution = try await store.modifyAssociationExecution(id: executionId, change) else { return nil }
        _ = try await store.modifyAssociation(id: execution.associationId) { association in
            guard execution.createdTime >= (association.lastExecutionDate ?? .distantPast) else { return }
            association.overview = AssociationOverview(execution)
            if execution.status == .success { association.lastSuccessfulExecutionDate = execution.lastExecutionDate ?? now }
        }
        return execution
    }

    /// The `DetailedStatus` of an execution that could not start: the error code when it is an AWS one.
    static func startFailure(_ error: any Error) -> String {
        (error as? PortlessError)?.code.rawValue ?? "Failed"
    }
}

extension Logger {
    /// A copy carrying the association ID as `portless.association` metadata.
    func with(association associationId: String) -> Logger {
        var logger = self
        logger[metadataKey: "portless.association"] = "\(associationId)"
        return logger
    }
}
