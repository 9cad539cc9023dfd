import Foundation
import PortlessCore

/// Runs one `aws:runShellScript` step: writes its lines to a script file and runs it with `/bin/sh`
/// in its own process group, with the step's working directory, environment and timeout.
struct ShellStepRunner: Sendable {
    static let defaultTimeout = 3600
    static let timeoutRange = 5...172_800

    /// What running a step produced, before it becomes a report.
    struct Result: Sendable {
        var outcome: ChildProcess.Outcome
        var timedOut: Bool
        var cancelled: Bool
    }

    let scriptDirectory: URL
    let defaultWorkingDirectory: URL

    /// Runs the step; `started` receives the child (to kill its group on cancel) and where its
    /// output is being written (so a restarted agent can recover what it printed).
    func run(step: StepPlan, environment: [String: String],
             isCancelled: @escaping @Sendable () -> Bool,
             started: @Sendable (ChildProcess, RunningStep) async -> Void) async throws -> Result {
        let inputs = step.inputs
        let lines: [String]
        switch inputs["runCommand"] {
        case .string(let text): lines = [text]
        case .array(let items): lines = items.map { $0.stringValue ?? "" }
        default: throw StepFailure("runCommand is missing or not a string list")
        }
        let timeout = Self.timeout(inputs["timeoutSeconds"])
        let directory = inputs["workingDirectory"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? defaultWorkingDirectory.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StepFailure("workingDirectory \(directory) does not exist")
        }
        try FileManager.default.createDirectory(at: scriptDirectory, withIntermediateDirectories: true)
        let script = scriptDirectory.appendingPathComponent("\(Self.fileName(step.name)).sh")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: script)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PORTLESS_") }
        env.merge(environment) { _, new in new }
        if case .object(let extra) = inputs["environment"] {
            for (key, value) in extra { env[key] = value.stringValue ?? "" }
        }
        let running = RunningStep(name: step.name, pid: 0, scriptPath: script.path,
                                  stdoutPath: script.path + ".stdout", stderrPath: script.path + ".stderr", startedAt: Date())
        let child = try ChildProcess(arguments: ["/bin/sh", script.path], environment: env, workingDirectory: directory,
                                     outputFiles: (URL(fileURLWithPath: running.stdoutPath), URL(fileURLWithPath: running.stderrPath)))
        await started(child, RunningStep(name: running.name, pid: child.pid, scriptPath: running.scriptPath,
                                         stdoutPath: running.stdoutPath, stderrPath: running.stderrPath, startedAt: running.startedAt))
        if isCancelled() { child.killGroup() }
        let expired = Flag()
        let timer = Task {
            try await Task.sleep(for: .seconds(timeout))
            expired.set()
            child.killGroup()
        }
        let outcome = await child.wait()
        timer.cancel()
        return Result(outcome: outcome, timedOut: expired.isSet, cancelled: isCancelled())
    }

    static func timeout(_ value: JSONValue?) -> Int {
        let seconds: Int?
        switch value {
        case .string(let text): seconds = Int(text)
        case .number(let number): seconds = Int(number)
        default: seconds = nil
        }
        return min(max(seconds ?? defaultTimeout, timeoutRange.lowerBound), timeoutRange.upperBound)
    }

    static func fileName(_ stepName: String) -> String {
        String(stepName.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(64))
    }
}

/// A step that could not run, with the reason reported in its StatusDetails and stderr.
struct StepFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
