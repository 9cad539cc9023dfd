import Foundation
import Logging
import PortlessCore

/// The agent's state between the control channel and the running invocations: which channel is
/// up, what is running, and which results wait for the server's acknowledgement.
actor AgentHub {
    private let journal: Journal
    private let workRoot: URL
    /// The variables SSM's agent gives every script: `AWS_SSM_INSTANCE_ID`, `AWS_SSM_PLATFORM_NAME`, ...
    private var nodeEnvironment: [String: String]
    private let logger: Logger
    private var outbox: AsyncStream<AgentMessage>.Continuation?
    private var running: [String: InvocationRunner] = [:]
    private let launches: AsyncStream<InvocationRunner>.Continuation

    init(journal: Journal, workRoot: URL, nodeEnvironment: [String: String], launches: AsyncStream<InvocationRunner>.Continuation,
         logger: Logger) {
        self.journal = journal
        self.workRoot = workRoot
        self.nodeEnvironment = nodeEnvironment
        self.launches = launches
        self.logger = logger
    }

    /// At start: an invocation journaled as started but never finished was cut off by a crash or
    /// restart. What the old agent left running is killed; the finished steps keep their results,
    /// the interrupted step is reported failed with the output it had, and nothing runs again.
    func recoverInterrupted() throws {
        for var entry in journal.all() where entry.report == nil {
            var steps = entry.steps ?? []
            if let running = entry.running {
                running.killLeftovers()
                let output = running.recoveredOutput()
                steps.append(StepReport(name: running.name, status: .failed, statusDetails: Self.interruptedStep,
                                        responseCode: -1, startedAt: running.startedAt, finishedAt: Date(),
                                        stdout: output.stdout, stderr: output.stderr))
            }
            entry.report = InvocationReport(
                commandId: entry.order.commandId, status: .failed, statusDetails: Self.interruptedInvocation,
                responseCode: -1, startedAt: steps.first?.startedAt, finishedAt: Date(), steps: steps)
            try journal.write(entry)
            logger.warning("invocation interrupted by agent restart", metadata: ["portless.command": "\(entry.order.commandId)"])
        }
    }

    static let interruptedStep = "Agent restarted during this step"
    static let interruptedInvocation = "Agent restarted during execution"

    /// Journals an invocation's progress (called before each step starts and after each ends).
    func progress(_ order: InvocationOrder, steps: [StepReport], running: RunningStep?) {
        do {
            try journal.write(Journal.Entry(order: order, report: nil, steps: steps, running: running))
        } catch {
            logger.error("could not journal progress", metadata: ["portless.command": "\(order.commandId)", "error": "\(error)"])
        }
    }

    /// A channel came up: send every result not yet acknowledged.
    func attach(_ continuation: AsyncStream<AgentMessage>.Continuation) {
        outbox = continuation
        for entry in journal.all() {
            if let report = entry.report { continuation.yield(Self.resultMessage(report)) }
        }
    }

    func detach() { outbox = nil }

    /// The server named its region at login: scripts see it as `AWS_SSM_REGION_NAME`, and the AWS CLI and SDKs as
    /// `AWS_DEFAULT_REGION`/`AWS_REGION`.
    func serve(region: String?) {
        nodeEnvironment["AWS_SSM_REGION_NAME"] = region
        nodeEnvironment["AWS_DEFAULT_REGION"] = region
        nodeEnvironment["AWS_REGION"] = region
    }

    /// The server sent the node role's credentials: scripts started from now on act as the node's role.
    func serve(credentials: RoleCredentials) {
        nodeEnvironment.merge(credentials.environment) { _, new in new }
    }

    func send(_ message: AgentMessage) { outbox?.yield(message) }

    /// The server asked to run an invocation; handled once per command, whatever is resent.
    /// Scripts also see the node's variables (`AWS_SSM_INSTANCE_ID`, ...), as under SSM's agent.
    func receive(_ received: InvocationOrder) throws {
        var withNode = received
        withNode.environment.merge(nodeEnvironment) { _, node in node }
        let order = withNode
        if running[order.commandId] != nil { return }
        if let entry = journal.entry(order.commandId) {
            if let report = entry.report { send(Self.resultMessage(report)) }
            return
        }
        guard order.deliveryDeadline > Date() else { return }
        try journal.write(Journal.Entry(order: order, report: nil))
        let runner = InvocationRunner(order: order, workDirectory: workRoot.appendingPathComponent(InvocationDirectory.fileName(order.commandId)),
                                      journal: { [weak self] steps, running in await self?.progress(order, steps: steps, running: running) })
        running[order.commandId] = runner
        send(AgentMessage(type: .started, commandId: order.commandId, sentAt: Date()))
        launches.yield(runner)
    }

    func cancel(_ commandId: String) {
        running[commandId]?.cancel()
    }

    /// An invocation ended: journal the result, then report it.
    func finished(_ report: InvocationReport, order: InvocationOrder) {
        running[order.commandId] = nil
        do {
            try journal.write(Journal.Entry(order: order, report: report))
        } catch {
            logger.error("could not journal result", metadata: ["portless.command": "\(order.commandId)", "error": "\(error)"])
        }
        try? FileManager.default.removeItem(at: workRoot.appendingPathComponent(InvocationDirectory.fileName(order.commandId)))
        send(Self.resultMessage(report))
    }

    /// The server stored a result: forget it.
    func acknowledged(_ messageId: String) {
        guard messageId.hasPrefix(Self.resultPrefix) else { return }
        journal.remove(String(messageId.dropFirst(Self.resultPrefix.count)))
    }

    static let resultPrefix = "result-"

    /// Result messages have an ID derived from the command, so an acknowledgement names what to forget.
    static func resultMessage(_ report: InvocationReport) -> AgentMessage {
        AgentMessage(type: .result, id: resultPrefix + report.commandId, report: report)
    }
}
