import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The step an invocation is running, as journaled: enough for a restarted agent to stop what the
/// old one left running and to recover the output it had.
struct RunningStep: Codable, Sendable, Hashable {
    var name: String
    var pid: Int32
    var scriptPath: String
    var stdoutPath: String
    var stderrPath: String
    var startedAt: Date

    /// Kills the step's process group if it is still running our script (checked via /proc, so a
    /// reused PID is left alone).
    func killLeftovers() {
        guard pid > 0, let cmdline = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")),
              String(decoding: cmdline, as: UTF8.self).contains(scriptPath) else { return }
        kill(-pid, SIGKILL)
    }

    /// What the step had printed before the agent stopped.
    func recoveredOutput() -> (stdout: String, stderr: String) {
        func read(_ path: String) -> String {
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return (read(stdoutPath), read(stderrPath))
    }
}
