import Foundation
import Logging
import PortlessCore

/// Fleet scans: runs the scan document on the targeted nodes of the caller's account and of member accounts
/// (reached by assuming a named role in each), hands every node one presigned URL for exactly its own result
/// key, and records each node's outcome as results arrive, fail or time out.
struct ScanService: Sendable {
    let store: any Store & ScanStore & AssociationStore
    let commands: CommandService
    let bundles: BundleService
    let signer: ScanUploadSigner
    let accounts: ScanAccountAccess
    let connections: AgentConnections
    let objects: ObjectStore
    let results: ScanResultIngest
    let compliance: ComplianceService
    let hygiene: ScanHygiene
    let events: EventBus
    let region: String
    let logger: Logger

    /// Who a scan acts for.
    enum Starter: Sendable {
        /// A caller, decided by the policy evaluator.
        case caller(Principal)
        /// The account itself, for an association already authorized when it was made (its own account only).
        case association(accountId: String, associationId: String, executionId: String)
    }

    /// Starts a scan: resolves each account's nodes, records them (offline ones as not scanned, with the
    /// reason), then sends each account one command whose nodes each get their own upload URL.
    func start(_ request: ScanRequest, by starter: Starter, facts: CallFacts, now: Date = Date()) async throws -> ScanRecord {
        let principal = starter.principal
        try request.validate(callerAccount: principal.accountId)
        let bundle = try await bundles.resolve(sha256: request.bundleSha256, accountId: principal.accountId)
        let scanId = Identifiers.scanID()
        let window = request.windowSeconds ?? ScanRequest.defaultWindow
        var plans: [AccountPlan] = []
        for accountId in request.accountIds.isEmpty ? [principal.accountId] : request.accountIds {
            plans.append(try await plan(accountId: accountId, request: request, starter: starter, facts: facts, window: window))
        }
        let bucket = ScanLocations.bucket(accountId: principal.accountId)
        let reached = plans.contains { !$0.online.isEmpty }
        let presigner = reached ? try await signer.presigner(accountId: principal.accountId, now: now) : nil
        var scan = ScanRecord(scanId: scanId, accountId: principal.accountId, name: request.name ?? scanId, status: .inProgress,
                              targets: request.targets, accounts: plans.map(\.account), bundleSha256: bundle.sha256,
                              requestedAt: now.wholeSecond, windowEndsAt: now.addingTimeInterval(TimeInterval(window)).wholeSecond,
                              maxConcurrency: request.maxConcurrency ?? "50", maxErrors: request.maxErrors ?? "100%",
                              associationId: starter.associationId, associationExecutionId: starter.executionId,
                              startedBy: starter.associationId.map { "association/\($0)" } ?? principal.arn)
        try await store.insertScan(scan, nodes: plans.flatMap(\.outcomes))

        for index in plans.indices where !plans[index].online.isEmpty {
            guard let presigner else { break }
            let plan = plans[index]
            let bundleURL = try presigner.download(bucket: bucket, key: ScanLocations.bundleKey(sha256: bundle.sha256), expires: window, date: now)
            let accountId = plan.account.accountId
            let commandId = Identifiers.uuid()
            let send = ServiceCommandRequest(
                commandId: commandId, accountId: accountId, documentName: ScanDocument.name, documentVersion: nil,
                parameters: ["bundleUrl": [bundleURL.absoluteString], "bundleSha256": [bundle.sha256], "scanId": [scanId],
                             "accountId": [accountId], "workingDirectory": [ScanLocations.workingDirectory(scanId: scanId)],
                             "checkTimeout": [String(request.checkTimeoutSeconds ?? 60)], "executionTimeout": [String(window)]],
                nodes: plan.online, targets: request.targets, comment: "Portless scan \(scanId)",
                maxConcurrency: request.maxConcurrency ?? "50", maxErrors: request.maxErrors ?? "100%", outputS3BucketName: nil,
                outputS3KeyPrefix: nil, timeoutSeconds: window) { node in
                let key = ScanLocations.resultKey(scanId: scanId, accountId: accountId, nodeId: node.instanceId)
                return ["SSM_uploadUrl": (try? presigner.upload(bucket: bucket, key: key, expires: window, date: now).absoluteString) ?? ""]
            }
            do {
                // Linked before it is sent, so that no status change of its invocations goes unseen.
                try await store.linkScanCommand(commandId: commandId, scanId: scanId)
                _ = try await commands.sendOnBehalf(send, now: now)
                plans[index].account.commandId = commandId
            } catch {
                plans[index].account.error = "The scan command could not be sent: \(Self.describe(error))"
                for node in plan.online {
                    try await settle(scanId, NodeScanOutcome(nodeId: node.instanceId, accountId: accountId, hostname: node.hostname,
                                                             state: .notScanned, reason: plans[index].account.error))
                }
            }
        }
        let accounts = plans.map(\.account)
        scan = try await store.modifyScan(id: scanId) { $0.accounts = accounts }?.scan ?? scan
        logger.info("scan started", metadata: ["portless.scan": "\(scanId)", "portless.nodes": "\(plans.reduce(0) { $0 + $1.online.count })"])
        await publish(scan)
        return try await finishIfSettled(scanId) ?? scan
    }

    /// One account's part of a scan: which nodes are reached and which are not.
    struct AccountPlan: Sendable {
        var account: ScanAccount
        var online: [TargetedNode]
        var outcomes: [NodeScanOutcome]
    }

    private func plan(accountId: String, request: ScanRequest, starter: Starter, facts: CallFacts, window: Int) async throws -> AccountPlan {
        let principal = starter.principal
        let own = accountId == principal.accountId
        var account = ScanAccount(accountId: accountId, roleName: own ? nil : request.roleName)
        let actor: Principal
        do {
            actor = own ? principal : try await accounts.assume(roleName: request.roleName ?? "", in: accountId, by: principal, facts: facts,
                                                                 sessionSeconds: window)
        } catch {
            account.error = Self.describe(error)
            return AccountPlan(account: account, online: [], outcomes: [])
        }
        let nodes = try await store.targetNodes(accountId: accountId, meeting: try TargetSelector(request.targets).conditions)
        do {
            if case .caller = starter { try await accounts.authorizeScan(of: nodes, in: accountId, by: actor, facts: facts) }
        } catch where !own {
            account.error = Self.describe(error)
            return AccountPlan(account: account, online: [], outcomes: [])
        }
        if nodes.isEmpty { account.error = "No node of this account matches the targets." }
        var online: [TargetedNode] = []
        var outcomes: [NodeScanOutcome] = []
        for node in nodes {
            let reachable = await connections.isConnected(node.instanceId)
            if reachable || request.waitsForOfflineNodes {
                online.append(node)
                outcomes.append(NodeScanOutcome(nodeId: node.instanceId, accountId: accountId, hostname: node.hostname, state: .pending))
            } else {
                outcomes.append(NodeScanOutcome(nodeId: node.instanceId, accountId: accountId, hostname: node.hostname, state: .notScanned,
                                                reason: try await offlineReason(node.instanceId)))
            }
        }
        return AccountPlan(account: account, online: online, outcomes: outcomes)
    }

    private func offlineReason(_ nodeId: String) async throws -> String {
        guard let lastPing = try await store.node(id: nodeId)?.lastPingDateTime else { return "Offline: the node's agent has never connected." }
        return "Offline: not connected when the scan started (last seen \(ISO8601DateFormatter().string(from: lastPing)))."
    }

    /// A scan of the caller's account, or nil (as not found) for anyone else's.
    func get(scanId: String, principal: Principal) async throws -> (scan: ScanRecord, counts: [NodeScanState: Int]) {
        guard Identifiers.isScanID(scanId), let scan = try await store.scan(id: scanId), scan.accountId == principal.accountId else {
            throw PortlessError(.invalidParameters, "Scan \(scanId) does not exist.", field: "ScanId")
        }
        return (scan, try await store.scanNodeCounts(scanId: scanId))
    }

    func list(principal: Principal, offset: Int, limit: Int) async throws -> [ScanRecord] {
        try await store.scans(accountId: principal.accountId, offset: offset, limit: limit)
    }

    /// Every node's outcome and results (for reports).
    func nodes(scanId: String) async throws -> [NodeScanOutcome] {
        try await store.scanNodes(scanId: scanId)
    }

    /// The scan's report: per-check and per-node figures, what is new and fixed since the previous scan of the same
    /// targets, the trend over up to 12 earlier ones, and the hygiene of the nodes of its accounts.
    func report(scanId: String, principal: Principal, now: Date = Date()) async throws -> ScanReport {
        let scan = try await get(scanId: scanId, principal: principal).scan
        let earlier = try await store.earlierScans(of: scan, limit: 12)
        var previous: [NodeScanOutcome]?
        if let last = earlier.first { previous = try await store.scanNodes(scanId: last.scanId) }
        return ScanAnalysis.report(subject: ScanReport.Subject(scan), generatedAt: now, outcomes: try await store.scanNodes(scanId: scanId),
                                   previous: previous, earlierTrend: earlier.compactMap(\.trendPoint),
                                   hygiene: try await hygiene.findings(accountIds: scan.accounts.map(\.accountId), now: now))
    }

    /// Cancels a running scan: its commands are cancelled and nodes not yet heard from are not scanned.
    func cancel(scanId: String, principal: Principal) async throws -> ScanRecord {
        let scan = try await get(scanId: scanId, principal: principal).scan
        guard !scan.status.isTerminal else { return scan }
        for account in scan.accounts {
            guard let commandId = account.commandId else { continue }
            try? await commands.cancel(commandId: commandId, instanceIds: nil, principal: ScanAccountAccess.servicePrincipal(account.accountId))
        }
        try await settlePending(scanId, reason: "The scan was cancelled.")
        _ = try await store.modifyScan(id: scanId) { scan in
            guard !scan.status.isTerminal else { return }
            scan.status = .cancelled
            scan.finishedAt = Date().wholeSecond
        }
        return try await finishIfSettled(scanId) ?? scan
    }

    /// An invocation of a scan command ended: a node whose run failed is not scanned (a successful run
    /// is settled by its upload).
    func invocationEnded(commandId: String, instanceId: String, status: InvocationStatus, details: String) async throws {
        guard status.isTerminal, status != .success, let scanId = try await store.scanId(commandId: commandId) else { return }
        let node = try await store.node(id: instanceId)
        var reason = "The scan command ended \(details) on the node."
        if let step = try await store.invocation(commandId: commandId, instanceId: instanceId)?.steps.first(where: { $0.status != .success }) {
            let said = step.stderr.split(separator: "\n").last.map { ": \($0.prefix(300))" } ?? ""
            reason = "The scan command ended \(details) on the node: step \(step.name) \(step.statusDetails) (exit \(step.responseCode))\(said)"
        }
        try await settle(scanId, NodeScanOutcome(nodeId: instanceId, accountId: node?.accountId ?? "", hostname: node?.info.hostname ?? instanceId,
                                                 state: .notScanned, reason: reason))
        _ = try await finishIfSettled(scanId)
    }

    /// Ends the windows that have passed: nodes not heard from are not scanned.
    func expireWindows(now: Date = Date()) async throws {
        for scan in try await store.openScans() where scan.windowEndsAt < now {
            try await settlePending(scan.scanId, reason: "No result arrived within the scan window.")
            _ = try await finishIfSettled(scan.scanId)
        }
    }

    /// Records that an upload arrived and reads it (see `ScanResultIngest`); a node's trusted results become its
    /// `Custom:KISA-Unix` compliance in its own account.
    func resultStored(bucket: String, key: String) async throws {
        guard let read = try await results.read(bucket: bucket, key: key) else { return }
        let outcome = read.outcome
        if try await settle(read.scanId, outcome), outcome.state == .scanned {
            try await compliance.put(accountId: outcome.accountId, resourceId: outcome.nodeId, complianceType: KISACompliance.type,
                                     executionSummary: ComplianceExecutionSummary(executionTime: outcome.scannedAt ?? Date(), executionId: read.scanId,
                                                                                  executionType: KISACompliance.executionType),
                                     items: KISACompliance.items(for: outcome.results))
        }
        _ = try await finishIfSettled(read.scanId)
    }

    @discardableResult
    private func settle(_ scanId: String, _ outcome: NodeScanOutcome) async throws -> Bool {
        var outcome = outcome
        outcome.scannedAt = outcome.scannedAt ?? Date().wholeSecond
        return try await store.settleScanNode(scanId: scanId, outcome: outcome)
    }

    private func settlePending(_ scanId: String, reason: String) async throws {
        for node in try await store.scanNodes(scanId: scanId) where node.state == .pending {
            try await settle(scanId, NodeScanOutcome(nodeId: node.nodeId, accountId: node.accountId, hostname: node.hostname,
                                                     state: .notScanned, reason: reason))
        }
    }

    /// Finishes the scan once no node is pending: Success when every node was scanned, CompletedWithErrors
    /// when some were, Failed when none was.
    @discardableResult
    private func finishIfSettled(_ scanId: String) async throws -> ScanRecord? {
        let counts = try await store.scanNodeCounts(scanId: scanId)
        guard counts[.pending, default: 0] == 0 else { return nil }
        let scanned = counts[.scanned, default: 0]
        let total = counts.values.reduce(0, +)
        guard let current = try await store.scan(id: scanId), !current.status.isTerminal || current.trendPoint == nil else { return nil }
        let now = Date().wholeSecond
        let nodes = try await store.scanNodes(scanId: scanId)
        let finished = try await store.modifyScan(id: scanId) { scan -> Bool in
            guard !scan.status.isTerminal || scan.trendPoint == nil else { return false }
            if !scan.status.isTerminal {
                scan.status = scanned == total && total > 0 ? .success : scanned > 0 ? .completedWithErrors : .failed
                scan.finishedAt = now
            }
            scan.trendPoint = ScanAnalysis.report(subject: ScanReport.Subject(scan), generatedAt: now, outcomes: nodes, previous: nil).trend.last
            return true
        }
        if let finished, finished.result {
            logger.info("scan finished", metadata: ["portless.scan": "\(scanId)", "portless.status": "\(finished.scan.status.rawValue)"])
            await publish(finished.scan, counts: counts)
        }
        return finished?.scan
    }

    /// Publishes the scan's status on the bus (`portless.scan`).
    private func publish(_ scan: ScanRecord, counts: [NodeScanState: Int]? = nil) async {
        var known = counts ?? [:]
        if counts == nil, let stored = try? await store.scanNodeCounts(scanId: scan.scanId) { known = stored }
        await events.publish(ScanEvents.statusChanged(scan, counts: known, region: region, at: Date()))
    }

    static func describe(_ error: any Error) -> String {
        (error as? PortlessError)?.message ?? "\(error)"
    }
}

extension ScanService.Starter {
    /// The principal the scan acts as in its own account.
    var principal: Principal {
        switch self {
        case .caller(let principal): principal
        case .association(let accountId, _, _): ScanAccountAccess.servicePrincipal(accountId)
        }
    }

    var associationId: String? {
        if case .association(_, let id, _) = self { id } else { nil }
    }

    var executionId: String? {
        if case .association(_, _, let id) = self { id } else { nil }
    }
}
