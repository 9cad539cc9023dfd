import Foundation
import Logging
import PortlessCore

/// Run Command: creates commands and their invocations, delivers them to agents, and records what
/// agents report. Every state change goes through the store's atomic modify operations.
struct CommandService: Sendable {
    let store: any Store
    let connections: AgentConnections
    let documents: DocumentCatalog
    let logger: Logger

    /// Validates a SendCommand request, stores the command and pushes it to connected nodes.
    func send(_ request: SendCommandRequest, principal: Principal, now: Date = Date()) async throws -> CommandRecord {
        let document = try documents.resolve(name: request.documentName, version: request.documentVersion)
        try request.validate()
        let plan = try CommandPlanner.plan(document.content, parameters: request.parameters ?? [:])
        let nodes = try await targetNodes(request, accountId: principal.accountId)
        let timeout = request.timeoutSeconds ?? 3600
        let executionTimeout = Int(plan.parameters["executionTimeout"]?.first ?? "") ?? 3600
        var command = CommandRecord(
            commandId: Identifiers.uuid(), accountId: principal.accountId, documentName: document.name,
            documentVersion: document.version, comment: request.comment ?? "", parameters: plan.parameters,
            instanceIds: request.instanceIds ?? [], targets: request.targets ?? [], requestedDateTime: now,
            expiresAfter: now.addingTimeInterval(TimeInterval(timeout + executionTimeout)), timeoutSeconds: timeout,
            status: .pending, statusDetails: "Pending", maxConcurrency: request.maxConcurrency ?? "50",
            maxErrors: request.maxErrors ?? "0", targetCount: nodes.count, plan: plan)
        let invocations = nodes.map {
            InvocationRecord(commandId: command.commandId, instanceId: $0.instanceId, instanceName: $0.info.hostname, requestedDateTime: now)
        }
        CommandProgress.recount(&command, invocations: invocations)
        if invocations.isEmpty { command.statusDetails = StatusDetails.noInstancesInTag }
        try await store.insertCommand(command, invocations: invocations)
        logger.info("command sent", metadata: ["portless.command": "\(command.commandId)", "portless.targets": "\(nodes.count)"])
        for invocation in invocations {
            await deliver(command: command, to: invocation.instanceId)
        }
        return command
    }

    /// The nodes a request names, checked to exist in the caller's account.
    private func targetNodes(_ request: SendCommandRequest, accountId: String) async throws -> [NodeRecord] {
        let nodes = try await store.nodes(accountId: accountId)
        if let ids = request.instanceIds {
            let known = Dictionary(nodes.map { ($0.instanceId, $0) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            return try ids.compactMap { id in
                guard let node = known[id] else {
                    throw PortlessError(.invalidInstanceId, "Instance \(id) is not a managed node of this account.", field: "InstanceIds")
                }
                return seen.insert(id).inserted ? node : nil
            }
        }
        let selector = try TargetSelector(request.targets ?? [])
        let tags = try await store.allTags(resourceType: "ManagedInstance")
        return nodes.filter { node in
            let nodeTags = Dictionary((tags[node.instanceId] ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            return selector.matches(.init(id: node.instanceId, tags: nodeTags))
        }
    }

    /// Pushes the invocation of `command` to `instanceId` if its channel is up.
    func deliver(command: CommandRecord, to instanceId: String) async {
        let order = InvocationOrder(commandId: command.commandId, documentName: command.documentName,
                                    steps: command.plan.steps, environment: command.plan.environment,
                                    deliveryDeadline: command.deliveryDeadline)
        await connections.send(AgentMessage(type: .run, order: order), to: instanceId)
    }

    /// Re-sends every open invocation of a node that has just connected (agents ignore duplicates).
    func deliverOpenInvocations(to instanceId: String) async throws {
        for invocation in try await store.openInvocations(instanceId: instanceId) {
            guard let command = try await store.command(id: invocation.commandId) else { continue }
            if invocation.status == .cancelling {
                await connections.send(AgentMessage(type: .cancel, commandId: command.commandId), to: instanceId)
            } else {
                await deliver(command: command, to: instanceId)
            }
        }
    }

    /// Records that a node started an invocation.
    func recordStarted(commandId: String, instanceId: String, at date: Date) async throws {
        _ = try await store.modifyInvocation(commandId: commandId, instanceId: instanceId) { invocation, command in
            guard invocation.status == .pending || invocation.status == .delayed else { return }
            let before = invocation
            invocation.status = .inProgress
            invocation.statusDetails = InvocationStatus.inProgress.defaultDetails
            invocation.startedAt = date
            CommandProgress.apply(from: before, to: invocation, on: &command)
        }
    }

    /// Records a node's final report; a report for an invocation already finished is ignored.
    func recordReport(_ report: InvocationReport, instanceId: String) async throws {
        _ = try await store.modifyInvocation(commandId: report.commandId, instanceId: instanceId) { invocation, command in
            guard !invocation.status.isTerminal, report.status.isTerminal else { return }
            let before = invocation
            invocation.status = report.status
            invocation.statusDetails = report.statusDetails
            invocation.responseCode = report.responseCode
            invocation.startedAt = report.startedAt ?? invocation.startedAt
            invocation.finishedAt = report.finishedAt
            invocation.steps = report.steps
            CommandProgress.apply(from: before, to: invocation, on: &command)
        }
    }

    /// Cancels the open invocations of a command (all, or those of `instanceIds`).
    func cancel(commandId: String, instanceIds: [String]?, principal: Principal) async throws {
        guard let existing = try await store.command(id: commandId), existing.accountId == principal.accountId else {
            throw PortlessError(.invalidCommandId, "Command \(commandId) does not exist.", field: "CommandId")
        }
        let chosen = instanceIds.map(Set.init)
        var toSignal: [String] = []
        _ = try await store.modifyCommand(id: existing.commandId) { command, invocations in
            command.cancelRequested = true
            for index in invocations.indices where chosen?.contains(invocations[index].instanceId) ?? true {
                switch invocations[index].status {
                case .pending, .delayed:
                    invocations[index].status = .cancelled
                    invocations[index].statusDetails = InvocationStatus.cancelled.defaultDetails
                case .inProgress:
                    invocations[index].status = .cancelling
                    invocations[index].statusDetails = InvocationStatus.cancelling.defaultDetails
                default:
                    break
                }
            }
            CommandProgress.recount(&command, invocations: invocations)
        }
        for invocation in try await store.invocations(commandId: commandId) where invocation.status == .cancelling {
            toSignal.append(invocation.instanceId)
        }
        for instanceId in toSignal {
            await connections.send(AgentMessage(type: .cancel, commandId: commandId), to: instanceId)
        }
    }

    /// Ends every pending invocation whose delivery deadline has passed as `DeliveryTimedOut`.
    func expireOverdue(now: Date = Date()) async throws {
        for overdue in try await store.overdueInvocations(now: now) {
            _ = try await store.modifyInvocation(commandId: overdue.commandId, instanceId: overdue.instanceId) { invocation, command in
                guard invocation.status == .pending || invocation.status == .delayed else { return }
                let before = invocation
                invocation.status = .timedOut
                invocation.statusDetails = StatusDetails.deliveryTimedOut
                invocation.finishedAt = now
                CommandProgress.apply(from: before, to: invocation, on: &command)
            }
            await connections.send(AgentMessage(type: .cancel, commandId: overdue.commandId), to: overdue.instanceId)
        }
    }
}
