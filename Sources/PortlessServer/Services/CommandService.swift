import Foundation
import Logging
import PortlessCore

/// Run Command: creates commands and their invocations, hands them to rate control, and records
/// what agents report. Every state change goes through the store's atomic modify operations and
/// is published on the event bus.
struct CommandService: Sendable {
    let store: any Store
    let connections: AgentConnections
    let documents: DocumentCatalog
    let dispatcher: CommandDispatcher
    let transitions: TransitionBatcher
    let events: CommandEventPublisher
    let output: CommandOutputWriter
    let s3Sources: S3SourcePresigner
    let authorizer: Authorizer
    /// Resolves `{{ssm:name}}` through Parameter Store.
    let parameterReferences: ParameterReferenceResolver
    let logger: Logger

    /// Validates a SendCommand request, stores the command and starts releasing it to its nodes.
    ///
    /// The document and nodes named by ID were decided from the operation table; nodes chosen by `Targets` are
    /// decided here, each with its tags, once they are known.
    func send(_ request: SendCommandRequest, principal: Principal, facts: CallFacts, now: Date = Date()) async throws -> CommandRecord {
        let document = try await documents.resolve(name: request.documentName, version: request.documentVersion, accountId: principal.accountId)
        try request.validate()
        try await output.checkBucket(request.outputS3BucketName, accountId: principal.accountId)
        let cloudWatchOutput = try request.cloudWatchOutputConfig?.output()
        try await authorizeLogOutput(cloudWatchOutput, documentName: document.name, principal: principal, facts: facts)
        if let hash = request.documentHash, !ConstantTime.equals(hash.lowercased(), document.hash) {
            throw PortlessError(.invalidDocument, "DocumentHash does not match the Sha256 hash of \(document.name) version \(document.version).",
                                field: "DocumentHash")
        }
        let references = try await parameterReferences.resolve(ParameterReferences.names(in: document.content, parameters: request.parameters ?? [:]),
                                                                principal: principal, facts: facts)
        var plan = try CommandPlanner.plan(document.content, parameters: request.parameters ?? [:], references: references)
        plan.steps = try await RunDocumentExpander(catalog: documents).expand(plan.steps, accountId: principal.accountId)
        let lifetime = (request.timeoutSeconds ?? 3600) + (Int(plan.parameters["executionTimeout"]?.first ?? "") ?? 3600)
        plan.steps = try await s3Sources.rewrite(plan.steps, principal: principal, validFor: lifetime)
        let nodes = try await targetNodes(request, accountId: principal.accountId)
        if request.instanceIds == nil {
            try await authorizeTargets(nodes, principal: principal, facts: facts)
        }
        return try await launch(CommandLaunch(
            commandId: Identifiers.uuid(), accountId: principal.accountId, document: document, plan: plan, comment: request.comment ?? "",
            instanceIds: request.instanceIds ?? [], targets: request.targets ?? [], timeoutSeconds: request.timeoutSeconds ?? 3600,
            maxConcurrency: request.maxConcurrency ?? "50", maxErrors: request.maxErrors ?? "0",
            outputS3BucketName: request.outputS3BucketName, outputS3KeyPrefix: request.outputS3KeyPrefix, nodes: nodes,
            nodeEnvironment: nil, cloudWatchOutput: cloudWatchOutput), now: now)
    }

    /// The server writes CloudWatch output for the caller, so the caller must be allowed to write the group.
    private func authorizeLogOutput(_ output: CloudWatchOutput?, documentName: String, principal: Principal, facts: CallFacts) async throws {
        guard let output, output.enabled else { return }
        let group = OperationTable.logGroupResource(output.group(documentName: documentName), region: authorizer.region, account: principal.accountId)
        try await authorizer.require(AccessCheck("logs:PutLogEvents", [group], facts: facts), by: principal)
    }

    /// Stores a planned command with one invocation per node and starts releasing it to them.
    func launch(_ launch: CommandLaunch, now: Date) async throws -> CommandRecord {
        let executionTimeout = Int(launch.plan.parameters["executionTimeout"]?.first ?? "") ?? 3600
        var command = CommandRecord(
            commandId: launch.commandId, accountId: launch.accountId, documentName: launch.document.name,
            documentVersion: launch.document.version, comment: launch.comment, parameters: launch.plan.parameters,
            instanceIds: launch.instanceIds, targets: launch.targets, requestedDateTime: now,
            expiresAfter: now.addingTimeInterval(TimeInterval(launch.timeoutSeconds + executionTimeout)), timeoutSeconds: launch.timeoutSeconds,
            status: .pending, statusDetails: "Pending", maxConcurrency: launch.maxConcurrency,
            maxErrors: launch.maxErrors, targetCount: launch.nodes.count, plan: launch.plan)
        command.outputS3BucketName = launch.outputS3BucketName
        command.outputS3KeyPrefix = launch.outputS3KeyPrefix
        command.cloudWatchOutput = launch.cloudWatchOutput
        let invocations = launch.nodes.map { node in
            var invocation = InvocationRecord(commandId: command.commandId, instanceId: node.instanceId, instanceName: node.hostname,
                                              requestedDateTime: now)
            invocation.environment = launch.nodeEnvironment?(node)
            return invocation
        }
        CommandProgress.recount(&command, invocations: invocations)
        try await store.insertCommand(command, invocations: invocations)
        logger.info("command sent", metadata: ["portless.command": "\(command.commandId)", "portless.targets": "\(launch.nodes.count)"])
        await events.commandChanged(command)
        try await dispatcher.start(command, invocations: invocations)
        return command
    }

    /// `ssm:SendCommand` on each node `Targets` chose, with its tags (`ssm:resourceTag/*`).
    func authorizeTargets(_ nodes: [TargetedNode], principal: Principal, facts: CallFacts) async throws {
        guard !authorizer.sources.isUnrestricted(principal), !nodes.isEmpty else { return }
        let tags = try await store.allTags(resourceType: NodeService.resourceType)
        let resources = authorizer.resolver.nodes(nodes.map { ($0.instanceId, tags[$0.instanceId] ?? []) }, account: principal.accountId)
        try await authorizer.require(AccessCheck("ssm:SendCommand", resources, facts: facts), by: principal)
    }

    /// The nodes a request names, checked to exist in the caller's account.
    private func targetNodes(_ request: SendCommandRequest, accountId: String) async throws -> [TargetedNode] {
        if let ids = request.instanceIds {
            let found = try await store.targetNodes(accountId: accountId, meeting: [.instanceIds(ids)])
            let known = Dictionary(found.map { ($0.instanceId, $0) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            return try ids.compactMap { id in
                guard let node = known[id] else {
                    throw PortlessError(.invalidInstanceId, "Instance \(id) is not a managed node of this account.", field: "InstanceIds")
                }
                return seen.insert(id).inserted ? node : nil
            }
        }
        let selector = try TargetSelector(request.targets ?? [])
        return try await store.targetNodes(accountId: accountId, meeting: selector.conditions)
    }

    /// Re-sends every released, unfinished invocation to a node that has just connected (agents ignore duplicates).
    func deliverOpenInvocations(to instanceId: String) async throws {
        for invocation in try await store.openInvocations(instanceId: instanceId) where invocation.dispatchedAt != nil {
            guard let command = try await store.command(id: invocation.commandId) else { continue }
            if invocation.status == .cancelling {
                await connections.send(AgentMessage(type: .cancel, commandId: command.commandId), to: instanceId)
            } else {
                await dispatcher.deliver(command, invocation: invocation)
            }
        }
    }

    /// Records that a node started an invocation.
    func recordStarted(commandId: String, instanceId: String, at date: Date) async throws {
        try await transition(commandId: commandId, instanceId: instanceId) { invocation in
            guard invocation.status == .pending || invocation.status == .delayed else { return }
            invocation.status = .inProgress
            invocation.statusDetails = InvocationStatus.inProgress.defaultDetails
            invocation.startedAt = date
        }
    }

    /// Records a node's final report; a report for an invocation already finished is ignored.
    func recordReport(_ report: InvocationReport, instanceId: String) async throws {
        try await transition(commandId: report.commandId, instanceId: instanceId) { invocation in
            guard !invocation.status.isTerminal, report.status.isTerminal else { return }
            invocation.status = report.status
            invocation.statusDetails = report.statusDetails
            invocation.responseCode = report.responseCode
            invocation.startedAt = report.startedAt ?? invocation.startedAt
            invocation.finishedAt = report.finishedAt
            invocation.steps = report.steps
        }
    }

    /// Applies `change` to one invocation (batched with others arriving at the same time), keeps
    /// its command's counters in step, publishes what changed and tells rate control.
    private func transition(commandId: String, instanceId: String,
                            _ change: @escaping @Sendable (inout InvocationRecord) -> Void) async throws {
        guard let outcome = try await transitions.submit(InvocationKey(commandId: commandId, instanceId: instanceId), { invocation, command in
            let before = (invocation, command.status, command.statusDetails)
            change(&invocation)
            guard invocation != before.0 else { return .init(changed: false, commandChanged: false) }
            CommandProgress.apply(from: before.0, to: invocation, on: &command)
            return .init(changed: true, commandChanged: command.status != before.1 || command.statusDetails != before.2)
        }), outcome.result.changed else { return }
        await events.invocationChanged(outcome.invocation, command: outcome.command)
        if outcome.result.commandChanged { await events.commandChanged(outcome.command) }
        if outcome.invocation.status.isTerminal {
            await output.write(outcome.invocation, command: outcome.command)
            try await dispatcher.finished(commandId: commandId, instanceId: instanceId,
                                          countsAsError: Self.countsAsError(outcome.invocation))
        } else if outcome.invocation.status == .inProgress {
            try await dispatcher.started(commandId: commandId, instanceId: instanceId)
        }
    }

    /// Failed and Execution Timed Out count toward MaxErrors; Delivery Timed Out does not.
    static func countsAsError(_ invocation: InvocationRecord) -> Bool {
        invocation.status == .failed || (invocation.status == .timedOut && invocation.statusDetails != StatusDetails.deliveryTimedOut)
    }

    /// Cancels the open invocations of a command (all, or those of `instanceIds`).
    func cancel(commandId: String, instanceIds: [String]?, principal: Principal) async throws {
        guard let existing = try await store.command(id: commandId), existing.accountId == principal.accountId else {
            throw PortlessError(.invalidCommandId, "Command \(commandId) does not exist.", field: "CommandId")
        }
        let chosen = instanceIds.map(Set.init)
        guard let outcome = try await store.modifyCommand(id: existing.commandId, { command, invocations in
            command.cancelRequested = true
            var changed: [InvocationRecord] = []
            for index in invocations.indices where chosen?.contains(invocations[index].instanceId) ?? true {
                switch invocations[index].status {
                case .pending, .delayed:
                    invocations[index].status = .cancelled
                    invocations[index].statusDetails = InvocationStatus.cancelled.defaultDetails
                case .inProgress:
                    invocations[index].status = .cancelling
                    invocations[index].statusDetails = InvocationStatus.cancelling.defaultDetails
                default:
                    continue
                }
                changed.append(invocations[index])
            }
            CommandProgress.recount(&command, invocations: invocations)
            return changed
        }) else { return }
        if chosen == nil { await dispatcher.stop(commandId: commandId) }
        await events.commandChanged(outcome.command)
        for invocation in outcome.result {
            await events.invocationChanged(invocation, command: outcome.command)
            if invocation.status == .cancelling {
                await connections.send(AgentMessage(type: .cancel, commandId: commandId), to: invocation.instanceId)
            } else {
                try await dispatcher.finished(commandId: commandId, instanceId: invocation.instanceId, countsAsError: false)
            }
        }
    }

    /// Ends every pending invocation whose delivery deadline has passed as `DeliveryTimedOut`.
    func expireOverdue(now: Date = Date()) async throws {
        for overdue in try await store.overdueInvocations(now: now) {
            try await transition(commandId: overdue.commandId, instanceId: overdue.instanceId) { invocation in
                guard invocation.status == .pending || invocation.status == .delayed else { return }
                invocation.status = .timedOut
                invocation.statusDetails = StatusDetails.deliveryTimedOut
                invocation.finishedAt = now
            }
            await connections.send(AgentMessage(type: .cancel, commandId: overdue.commandId), to: overdue.instanceId)
        }
    }
}
