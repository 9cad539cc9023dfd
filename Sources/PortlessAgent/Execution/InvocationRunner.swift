import Foundation
import PortlessCore
import Synchronization

/// Runs an invocation's steps in order and builds its report: preconditions, control flow
/// (`onFailure`, `onSuccess`, `finallyStep`, exit codes 168/169), nested documents
/// (`aws:runDocument`), unsupported actions and cancellation.
final class InvocationRunner: Sendable {
    /// Journals progress: the steps finished so far and the one running, if any.
    typealias ProgressJournal = @Sendable ([StepReport], RunningStep?) async -> Void

    let order: InvocationOrder
    private let workDirectory: URL
    private let journal: ProgressJournal
    private let cancelled = Flag()
    private let current = Mutex<ChildProcess?>(nil)

    init(order: InvocationOrder, workDirectory: URL, journal: @escaping ProgressJournal) {
        self.order = order
        self.workDirectory = workDirectory
        self.journal = journal
    }

    /// Stops the invocation: kills the running step's process group; later steps do not start.
    func cancel() {
        cancelled.set()
        current.withLock { $0?.killGroup() }
    }

    func run(startedAt: Date = Date()) async -> InvocationReport {
        try? FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let reports = await runSteps(order.steps, environment: order.environment, journaled: true)
        let outcome = Self.outcome(of: reports)
        return InvocationReport(commandId: order.commandId, status: outcome.status, statusDetails: outcome.details,
                                responseCode: outcome.responseCode, startedAt: startedAt, finishedAt: Date(), steps: reports)
    }

    /// Runs `steps` in order; only the top level is journaled step by step.
    private func runSteps(_ steps: [StepPlan], environment: [String: String], journaled: Bool) async -> [StepReport] {
        var reports: [StepReport] = []
        var stop = false
        for step in steps {
            let isFinally = step.inputs["finallyStep"] == .bool(true)
            if cancelled.isSet || (stop && !isFinally) {
                reports.append(skipped(step, details: cancelled.isSet ? "Cancelled" : "Skipped"))
                continue
            }
            guard Preconditions.holds(step.precondition) else {
                reports.append(skipped(step, details: StatusSeverity.skipped))
                continue
            }
            let report = await run(step, environment: environment, after: journaled ? reports : nil)
            reports.append(report)
            if journaled { await journal(reports, nil) }
            let inputs = step.inputs
            if report.responseCode == 168 || report.responseCode == 169 { stop = true }
            if report.status == .success, inputs["onSuccess"]?.stringValue == "exit" { stop = true }
            if report.status != .success {
                switch inputs["onFailure"]?.stringValue {
                case "exit": stop = true
                case "successAndExit":
                    stop = true
                    reports[reports.count - 1].status = .success
                    reports[reports.count - 1].statusDetails = "Success"
                default: break
                }
            }
        }
        return reports
    }

    /// The worst step decides: Skipped < Success < InProgress < Failed < Cancelled < TimedOut.
    static func outcome(of reports: [StepReport]) -> (status: InvocationStatus, details: String, responseCode: Int) {
        let worst = reports.max { StatusSeverity.rank($0) < StatusSeverity.rank($1) }
        let lastRun = reports.last { $0.statusDetails != StatusSeverity.skipped && $0.startedAt != nil }
        let status = (worst?.statusDetails == StatusSeverity.skipped ? nil : worst?.status) ?? .success
        return (status, status == .success ? "Success" : worst?.statusDetails ?? status.rawValue, lastRun?.responseCode ?? 0)
    }

    private func run(_ step: StepPlan, environment: [String: String], after finished: [StepReport]?) async -> StepReport {
        let start = Date()
        func report(_ status: InvocationStatus, _ details: String, code: Int, stdout: String = "", stderr: String = "") -> StepReport {
            StepReport(name: step.name, status: status, statusDetails: details, responseCode: code,
                       startedAt: start, finishedAt: Date(), stdout: stdout, stderr: stderr)
        }
        switch step.action {
        case "aws:runShellScript":
            return await runShell(step, environment: environment, after: finished, start: start)
        case "aws:downloadContent":
            do {
                let path = try await DownloadStepRunner(directory: InvocationDirectory(root: workDirectory)).run(step: step)
                return report(.success, "Success", code: 0, stdout: "Content downloaded to \(path)\n")
            } catch {
                return report(.failed, "Failed", code: 1, stderr: "\(error)\n")
            }
        case "aws:runDocument":
            guard let nested = step.nested else {
                return report(.failed, "Failed", code: 1, stderr: "The server sent aws:runDocument without the document's steps.\n")
            }
            let merged = environment.merging(step.nestedEnvironment ?? [:]) { _, inner in inner }
            let reports = await runSteps(nested, environment: merged, journaled: false)
            let outcome = Self.outcome(of: reports)
            return report(outcome.status, outcome.details, code: outcome.responseCode,
                          stdout: reports.map(\.stdout).joined(), stderr: reports.map(\.stderr).joined())
        default:
            return report(.failed, "Unsupported action", code: -1, stderr: "Action \(step.action) is not supported by this agent.")
        }
    }

    private func runShell(_ step: StepPlan, environment: [String: String], after finished: [StepReport]?, start: Date) async -> StepReport {
        let runner = ShellStepRunner(directory: InvocationDirectory(root: workDirectory))
        do {
            let result = try await runner.run(step: step, environment: environment,
                                              isCancelled: { [cancelled] in cancelled.isSet },
                                              started: { child, running in
                                                  self.current.withLock { $0 = child }
                                                  if let finished { await self.journal(finished, running) }
                                              })
            current.withLock { $0 = nil }
            let (status, details) = Self.classify(result)
            return StepReport(name: step.name, status: status, statusDetails: details, responseCode: Int(result.outcome.exitCode),
                              startedAt: start, finishedAt: Date(), stdout: result.outcome.stdout, stderr: result.outcome.stderr)
        } catch {
            return StepReport(name: step.name, status: .failed, statusDetails: "Failed", responseCode: 1,
                              startedAt: start, finishedAt: Date(), stdout: "", stderr: "\(error)")
        }
    }

    static func classify(_ result: ShellStepRunner.Result) -> (InvocationStatus, String) {
        if result.cancelled { return (.cancelled, "Cancelled") }
        if result.timedOut { return (.timedOut, StatusDetails.executionTimedOut) }
        switch result.outcome.exitCode {
        case 0, 168: return (.success, "Success")
        case 194: return (.failed, "Reboot requested (exit code 194) is not supported")
        default: return (.failed, "Failed")
        }
    }

    private func skipped(_ step: StepPlan, details: String) -> StepReport {
        let status: InvocationStatus = details == "Cancelled" ? .cancelled : .success
        return StepReport(name: step.name, status: status, statusDetails: details, responseCode: -1,
                          startedAt: nil, finishedAt: nil, stdout: "", stderr: "")
    }
}
