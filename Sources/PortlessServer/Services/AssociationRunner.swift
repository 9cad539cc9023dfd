import PortlessCore

/// Carries out one execution of an association on its nodes. The default runs the association's document through
/// Run Command; other runners handle documents that are not run as commands.
protocol AssociationRunner: Sendable {
    /// What the IDs `run` returns name, reported as each target's `OutputSource.OutputSourceType` (`RunCommand`).
    var outputSourceType: String { get }

    /// Starts execution `executionId` of `association` on `nodes` (nil: every node its targets choose now), on
    /// behalf of the association's account, and returns the ID of what it started. Progress is reported to
    /// `AssociationExecutor.record(targets:executionId:)`.
    func run(_ association: AssociationRecord, nodes: [TargetedNode]?, executionId: String) async throws -> String
}

/// Chooses the runner of an association by its document name; Run Command runs every document no other runner
/// claims.
struct AssociationRunnerRouter: Sendable {
    let fallback: any AssociationRunner
    private var byDocument: [String: any AssociationRunner] = [:]

    init(fallback: any AssociationRunner) {
        self.fallback = fallback
    }

    /// Routes associations of document `name` to `runner`.
    mutating func register(_ runner: any AssociationRunner, forDocument name: String) {
        byDocument[name] = runner
    }

    /// The runner for `association`'s document (named by name or by ARN).
    func runner(for association: AssociationRecord) -> any AssociationRunner {
        let name = association.name.split(separator: "/").last.map(String.init) ?? association.name
        return byDocument[name] ?? fallback
    }
}
