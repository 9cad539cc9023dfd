import Foundation
import PortlessCore
import Synchronization

/// Runs an invocation's steps in order and builds its report: preconditions, control flow
/// (`onFailure`, `onSuccess`, exit codes 168/169), unsupported actions and cancellation.
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
        var reports: [StepReport] = []
        var stop = false
        for step in order.steps {
            if stop || cancelled.isSet {
                reports.append(skipped(step, details: cancelled.isSet ? "Cancelled" : "Skipped"))
                continue
            }
            guard Preconditions.holds(step.precondition) else {
                reports.append(skipped(step, details: StatusSeverity.skipped))
                continue
            }
            let report = await run(step, after: reports)
            reports.append(report)
            await journal(reports, nil)
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
        let worst = reports.max { StatusSeverity.rank($0) < StatusSeverity.rank($1) }
        let lastRun = reports.last { $0.statusDetails != StatusSeverity.skipped && $0.startedAt != nil }
        let status = (worst?.statusDetails == StatusSeverity.skipped ? nil : worst?.status) ?? .success
        return InvocationReport(commandId: order.commandId, status: status,
                                statusDetails: status == .success ? "Success" : worst?.statusDetails ?? status.rawValue,
                                responseCode: lastRun?.responseCode ?? 0, startedAt: startedAt, finishedAt: Date(), steps: reports)
    }

    private func run(_ step: StepPlan, after finished: [StepReport]) async -> StepReport {
        let start = Date()
        switch step.action {
        case "aws:runShellScript":
            break
        case "aws:downloadContent":
            do {
                let path = try await DownloadStepRunner(workDirectory: workDirectory).run(step: step)
                return StepReport(name: step.name, status: .success, statusDetails: "Success", responseCode: 0,
                                  startedAt: start, finishedAt: Date(), stdout: "Content downloaded to \(path)\n", stderr: "")
            } catch {
                return StepReport(name: step.name, status: .failed, statusDetails: "Failed", responseCode: 1,
                                  startedAt: start, finishedAt: Date(), stdout: "", stderr: "\(error)\n")
            }
        default:
            return StepReport(name: step.name, status: .failed, statusDetails: "Unsupported action",
                              responseCode: -1, startedAt: start, finishedAt: Date(), stdout: "",
                              stderr: "Action \(step.action) is not supported by this agent.")
        }
        let runner = ShellStepRunner(scriptDirectory: workDirectory.appendingPathComponent("scripts"),
                                     defaultWorkingDirectory: workDirectory)
        do {
            let result = try await runner.run(step: step, environment: order.environment,
                                              isCancelled: { [cancelled] in cancelled.isSet },
                                              started: { child, running in
                                                  self.current.withLock { $0 = child }
                                                  await self.journal(finished, running)
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
