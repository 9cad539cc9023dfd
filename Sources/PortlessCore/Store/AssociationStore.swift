public import Foundation

/// Persistence for State Manager associations, their versions and their executions. Every method is atomic.
public protocol AssociationStore: Sendable {
    /// Stores a new association and its version 1.
    func insertAssociation(_ association: AssociationRecord) async throws
    func association(id: String) async throws -> AssociationRecord?
    /// The associations of an account, oldest first.
    func associations(accountId: String) async throws -> [AssociationRecord]
    /// Reads an association, lets `body` change it and writes it back; when `body` raised `associationVersion`,
    /// the changed record is also kept as that version. Nil when there is no such association.
    func modifyAssociation<T: Sendable>(id: String, _ body: @Sendable (inout AssociationRecord) throws -> T) async throws
        -> (association: AssociationRecord, result: T)?
    /// Deletes an association with its versions and executions.
    func deleteAssociation(id: String) async throws
    /// Every version of an association, oldest first.
    func associationVersions(id: String) async throws -> [AssociationRecord]
    /// Associations whose next run is at or before `now`, soonest first.
    func dueAssociations(now: Date) async throws -> [AssociationRecord]

    func insertAssociationExecution(_ execution: AssociationExecutionRecord) async throws
    /// Reads an execution, lets `body` change it and writes it back; nil when there is none.
    func modifyAssociationExecution(id: String, _ body: @Sendable (inout AssociationExecutionRecord) throws -> Void) async throws
        -> AssociationExecutionRecord?
    func associationExecution(id: String) async throws -> AssociationExecutionRecord?
    /// The execution that `outputSourceId` (e.g. a command ID) carries out, if any.
    func associationExecution(outputSourceId: String) async throws -> AssociationExecutionRecord?
    /// An association's executions, newest first.
    func associationExecutions(associationId: String) async throws -> [AssociationExecutionRecord]
}
