import Foundation
import Logging
import PortlessCore

/// Rate control for running commands: releases invocations to their nodes one first, then more as
/// nodes acknowledge (start or finish) what they were sent — up to `MaxConcurrency` in flight —
/// and stops releasing once errors exceed `MaxErrors`.
///
/// Its bookkeeping is in memory; what was released is stored (`dispatchedAt`), so `restore`
/// rebuilds it after a restart.
actor CommandDispatcher {
    /// One running command's progress; a class so a completion updates it in place.
    final class Progress {
        let frame: String
        /// Frames for nodes whose invocation has variables of its own.
        let nodeFrames: [String: String]
        let maxConcurrency: String
        let targetCount: Int
        let errorLimit: Int
        var queue: [String]
        var next = 0
        var inFlight: Set<String>
        var acknowledged: Set<String> = []
        var completed: Int
        var errors: Int

        init(command: CommandRecord, invocations: [InvocationRecord]) {
            frame = AgentMessage(type: .run, order: CommandDispatcher.order(for: command)).frame
            nodeFrames = Dictionary(uniqueKeysWithValues: invocations.compactMap { invocation in
                invocation.environment.map { _ in (invocation.instanceId, CommandDispatcher.frame(for: command, invocation: invocation)) }
            })
            maxConcurrency = command.maxConcurrency
            targetCount = command.targetCount
            errorLimit = RateControl.errorLimit(maxErrors: command.maxErrors, targetCount: command.targetCount)
            let open = invocations.filter { !$0.status.isTerminal }
            queue = open.filter { $0.dispatchedAt == nil }.map(\.instanceId)
            inFlight = Set(open.filter { $0.dispatchedAt != nil }.map(\.instanceId))
            acknowledged = Set(invocations.filter { $0.status != .pending }.map(\.instanceId))
            completed = invocations.count - open.count
            errors = command.errorCount
        }

        var waiting: Int { queue.count - next }

        func frame(for instanceId: String) -> String { nodeFrames[instanceId] ?? frame }
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

    /// The run message for one node: the command's, with the invocation's own variables over the command's.
    static func frame(for command: CommandRecord, invocation: InvocationRecord) -> String {
        var order = order(for: command)
        order.environment.merge(invocation.environment ?? [:]) { _, own in own }
        return AgentMessage(type: .run, order: order).frame
    }

    /// Starts releasing a new command's invocations.
    func start(_ command: CommandRecord, invocations: [InvocationRecord]) async throws {
        active[command.commandId] = Progress(command: command, invocations: invocations)
        try await pump(command.commandId)
    }

    /// Rebuilds the progress of every open command from the store (at server start) and resumes.
    func restore() async throws {
        for command in try await store.openCommands() {
            active[command.commandId] = Progress(command: command, invocations: try await store.invocations(commandId: command.commandId))
            try await pump(command.commandId)
        }
    }

    /// A node started an invocation: the ramp may widen.
    func started(commandId: String, instanceId: String) async throws {
        guard let progress = active[commandId], progress.acknowledged.insert(instanceId).inserted else { return }
        try await pump(commandId)
    }

    /// An invocation reached a terminal state: frees its slot and releases more.
    func finished(commandId: String, instanceId: String, countsAsError: Bool) async throws {
        guard let progress = active[commandId] else { return }
        if progress.inFlight.remove(instanceId) == nil, let index = progress.queue[progress.next...].firstIndex(of: instanceId) {
            progress.queue.swapAt(index, progress.next)
            progress.next += 1
        }
        progress.acknowledged.insert(instanceId)
        progress.completed += 1
        if countsAsError { progress.errors += 1 }
        try await pump(commandId)
    }

    /// The command was cancelled: nothing more is released.
    func stop(commandId: String) { active[commandId] = nil }

    /// Pushes a command to a node whose channel is up (a node that is down gets it when it connects).
    func deliver(_ command: CommandRecord, invocation: InvocationRecord) async {
        let frame = active[command.commandId]?.frame(for: invocation.instanceId) ?? Self.frame(for: command, invocation: invocation)
        await connections.send(frame: frame, to: invocation.instanceId)
    }

    private func pump(_ commandId: String) async throws {
        guard let progress = active[commandId] else { return }
        if progress.errors > progress.errorLimit && progress.waiting > 0 {
            active[commandId] = nil
            try await terminateQueued(commandId, queued: Set(progress.queue[progress.next...]))
            return
        }
        if progress.waiting == 0 {
            if progress.inFlight.isEmpty { active[commandId] = nil }
            return
        }
        let allowed = RateControl.allowedInFlight(maxConcurrency: progress.maxConcurrency, targetCount: progress.targetCount,
                                                  completed: progress.acknowledged.count)
        let count = min(progress.waiting, max(0, allowed - progress.inFlight.count))
        guard count > 0 else { return }
        let batch = Array(progress.queue[progress.next..<(progress.next + count)])
        progress.next += count
        progress.inFlight.formUnion(batch)
        try await store.markDispatched(commandId: commandId, instanceIds: batch, at: Date())
        for instanceId in batch { await connections.send(frame: progress.frame(for: instanceId), to: instanceId) }
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
