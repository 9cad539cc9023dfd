import Foundation
import Logging
import PortlessCore

/// Rate control for running commands: releases invocations to their nodes one first, then more as
/// others complete (up to `MaxConcurrency`), and stops releasing once errors exceed `MaxErrors`.
///
/// Its bookkeeping is in memory; what was released is stored (`dispatchedAt`), so `restore`
/// rebuilds it after a restart.
actor CommandDispatcher {
    /// One running command's progress.
    struct Progress {
        var order: InvocationOrder
        var maxConcurrency: String
        var targetCount: Int
        var errorLimit: Int
        var queue: [String]
        var inFlight: Set<String>
        var completed: Int
        var errors: Int
    }

    private let store: any Store
    private let connections: AgentConnections
    private let logger: Logger
    private var active: [String: Progress] = [:]
    /// Called with the invocations that MaxErrors terminated before they were sent.
    private let onTerminated: @Sendable (CommandRecord, [InvocationRecord]) async -> Void

    init(store: any Store, connections: AgentConnections, logger: Logger,
         onTerminated: @escaping @Sendable (CommandRecord, [InvocationRecord]) async -> Void) {
        self.store = store
        self.connections = connections
        self.logger = logger
        self.onTerminated = onTerminated
    }

    /// The message that carries a command's work to a node.
    static func order(for command: CommandRecord) -> InvocationOrder {
        InvocationOrder(commandId: command.commandId, documentName: command.documentName, steps: command.plan.steps,
                        environment: command.plan.environment, deliveryDeadline: command.deliveryDeadline)
    }

    /// Starts releasing a new command's invocations.
    func start(_ command: CommandRecord, invocations: [InvocationRecord]) async throws {
        track(command, invocations: invocations)
        try await pump(command.commandId)
    }

    /// Rebuilds the progress of every open command from the store (at server start) and resumes.
    func restore() async throws {
        for command in try await store.openCommands() {
            track(command, invocations: try await store.invocations(commandId: command.commandId))
            try await pump(command.commandId)
        }
    }

    private func track(_ command: CommandRecord, invocations: [InvocationRecord]) {
        let open = invocations.filter { !$0.status.isTerminal }
        active[command.commandId] = Progress(
            order: Self.order(for: command), maxConcurrency: command.maxConcurrency, targetCount: command.targetCount,
            errorLimit: RateControl.errorLimit(maxErrors: command.maxErrors, targetCount: command.targetCount),
            queue: open.filter { $0.dispatchedAt == nil }.map(\.instanceId),
            inFlight: Set(open.filter { $0.dispatchedAt != nil }.map(\.instanceId)),
            completed: invocations.count - open.count, errors: command.errorCount)
    }

    /// An invocation reached a terminal state: frees its slot and releases more.
    func finished(commandId: String, instanceId: String, countsAsError: Bool) async throws {
        guard var progress = active[commandId] else { return }
        if progress.inFlight.remove(instanceId) == nil {
            progress.queue.removeAll { $0 == instanceId }
        }
        progress.completed += 1
        if countsAsError { progress.errors += 1 }
        active[commandId] = progress
        try await pump(commandId)
    }

    /// The command was cancelled: nothing more is released.
    func stop(commandId: String) { active[commandId] = nil }

    /// Pushes `order` to a node whose channel is up (a node that is down gets it when it connects).
    func deliver(_ order: InvocationOrder, to instanceId: String) async {
        await connections.send(AgentMessage(type: .run, order: order), to: instanceId)
    }

    private func pump(_ commandId: String) async throws {
        guard var progress = active[commandId] else { return }
        if progress.errors > progress.errorLimit && !progress.queue.isEmpty {
            active[commandId] = nil
            try await terminateQueued(commandId, queued: Set(progress.queue))
            return
        }
        let allowed = RateControl.allowedInFlight(maxConcurrency: progress.maxConcurrency, targetCount: progress.targetCount,
                                                  completed: progress.completed)
        let batch = Array(progress.queue.prefix(max(0, allowed - progress.inFlight.count)))
        progress.queue.removeFirst(batch.count)
        progress.inFlight.formUnion(batch)
        active[commandId] = progress.queue.isEmpty && progress.inFlight.isEmpty ? nil : progress
        guard !batch.isEmpty else { return }
        try await store.markDispatched(commandId: commandId, instanceIds: batch, at: Date())
        for instanceId in batch { await deliver(progress.order, to: instanceId) }
    }

    /// MaxErrors was exceeded: invocations not yet sent end as Cancelled with StatusDetails `Terminated`.
    private func terminateQueued(_ commandId: String, queued: Set<String>) async throws {
        guard let outcome = try await store.modifyCommand(id: commandId, { command, invocations in
            var terminated: [InvocationRecord] = []
            for index in invocations.indices where queued.contains(invocations[index].instanceId) && !invocations[index].status.isTerminal {
                invocations[index].status = .cancelled
                invocations[index].statusDetails = StatusDetails.terminated
                invocations[index].finishedAt = Date()
                terminated.append(invocations[index])
            }
            CommandProgress.recount(&command, invocations: invocations)
            return terminated
        }) else { return }
        logger.info("MaxErrors exceeded; remaining invocations terminated",
                    metadata: ["portless.command": "\(commandId)", "portless.terminated": "\(outcome.result.count)"])
        await onTerminated(outcome.command, outcome.result)
    }
}
