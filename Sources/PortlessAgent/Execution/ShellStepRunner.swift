import Foundation
import PortlessCore

/// Runs one `aws:runShellScript` step as SSM's agent does: its lines go to the step's `_script.sh`
/// (mode 0700), and `sh -c` runs that file in its own process group — so the kernel executes it and
/// a `#!` first line picks the interpreter, while a file without one runs under `sh`. The step gets
/// its working directory (`InvocationDirectory.workingDirectory`), environment and timeout.
struct ShellStepRunner: Sendable {
    static let defaultTimeout = 3600
    static let timeoutRange = 5...172_800
    static let scriptName = "_script.sh"

    /// What running a step produced, before it becomes a report.
    struct Result: Sendable {
        var outcome: ChildProcess.Outcome
        var timedOut: Bool
        var cancelled: Bool
    }

    let directory: InvocationDirectory

    /// Runs the step; `started` receives the child (to kill its group on cancel) and where its
    /// output is being written (so a restarted agent can recover what it printed).
    func run(step: StepPlan, environment: [String: String],
             isCancelled: @escaping @Sendable () -> Bool,
             started: @Sendable (ChildProcess, RunningStep) async -> Void) async throws -> Result {
        let inputs = step.inputs
        let lines: [String]
        switch inputs["runCommand"] {
        case .string(let text): lines = [text]
        case .array(let items): lines = items.map { ParameterValues.text(of: $0) }
        default: throw StepFailure("runCommand is missing or not a string list")
        }
        let timeout = Self.timeout(inputs["timeoutSeconds"])
        let workingDirectory = try directory.workingDirectory(for: inputs["workingDirectory"].map(ParameterValues.text(of:)))
        let stepDirectory = directory.step(step.name)
        try FileManager.default.createDirectory(at: stepDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let script = stepDirectory.appendingPathComponent(Self.scriptName)
        try SpawnLock.run { try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: script) }
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        // The agent's own settings stay out of scripts; the scan root an operator set for the node goes in.
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PORTLESS_") || $0.key == "PORTLESS_SCAN_ROOT" }
        env.merge(environment) { _, new in new }
        if case .object(let extra) = inputs["environment"] {
            for (key, value) in extra { env[key] = ParameterValues.text(of: value) }
        }
        let stdoutPath = stepDirectory.appendingPathComponent("stdout").path
        let stderrPath = stepDirectory.appendingPathComponent("stderr").path
        let child = try ChildProcess(arguments: ["/bin/sh", "-c", Self.shellWord(script.path)], environment: env,
                                     workingDirectory: workingDirectory,
                                     outputFiles: (URL(fileURLWithPath: stdoutPath), URL(fileURLWithPath: stderrPath)))
        await started(child, RunningStep(name: step.name, pid: child.pid, scriptPath: script.path,
                                         stdoutPath: stdoutPath, stderrPath: stderrPath, startedAt: Date()))
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
        case .number(let number): seconds = Int(exactly: number.rounded())
        default: seconds = nil
        }
        return min(max(seconds ?? defaultTimeout, timeoutRange.lowerBound), timeoutRange.upperBound)
    }

    /// `path` quoted as one shell word, so `sh -c` runs exactly that file whatever the state directory is called.
    static func shellWord(_ path: String) -> String {
        "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A step that could not run, with the reason reported in its StatusDetails and stderr.
struct StepFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
