import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A session's process: the leader of a new session (so of its own process group), started with
/// `posix_spawn` (no `fork` in a multithreaded agent). Ending the session kills every process
/// still in it, background jobs of the shell included.
final class SessionProcess: Sendable {
    /// Where the child's standard streams go.
    enum Streams {
        /// All three on the slave of a pseudo-terminal, which becomes the child's controlling terminal.
        case terminal(slavePath: String)
        /// Pipes; the agent's ends are returned by `pipes`.
        case pipes
    }

    /// The agent's ends of a piped child's standard streams (close-on-exec).
    struct Pipes: Sendable {
        var stdin: Int32
        var stdout: Int32
        var stderr: Int32
    }

    /// glibc's `POSIX_SPAWN_SETSID` (declared only under `_GNU_SOURCE`).
    private static let spawnSetSID: Int32 = 0x80
    /// How long a SIGHUP'd session gets before SIGKILL.
    static let hangupGrace: TimeInterval = 0.5
    /// The signals the child starts with at their default action (the agent ignores SIGPIPE).
    private static let defaultSignals = [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH,
                                         SIGALRM, SIGUSR1, SIGUSR2]

    let pid: pid_t
    let pipes: Pipes?

    /// Linux's `F_SETPIPE_SZ`, and the size asked for a command's pipes (the default `pipe-max-size`).
    private static let setPipeSize: Int32 = 1031
    private static let pipeSize: Int32 = 1 << 20

    /// Starts `arguments[0]` (an absolute path) in `directory` with exactly `environment`.
    init(arguments: [String], environment: [String: String], directory: String, streams: Streams) throws {
        let (child, pipes) = try SpawnLock.run { () throws -> (pid_t, Pipes?) in
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            var parentEnds: [Int32] = []
            var childEnds: [Int32] = []
            var pipes: Pipes?
            switch streams {
            case .terminal(let slavePath):
                // Opened after setsid, without O_NOCTTY: the slave becomes the controlling terminal.
                posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
                posix_spawn_file_actions_adddup2(&actions, 0, 1)
                posix_spawn_file_actions_adddup2(&actions, 0, 2)
            case .pipes:
                var made: [[Int32]] = []
                for _ in 0..<3 {
                    var ends: [Int32] = [-1, -1]
                    guard pipe(&ends) == 0 else {
                        made.joined().forEach { _ = close($0) }
                        throw SessionFailure("Unable to start command: \(String(cString: strerror(errno)))")
                    }
                    // Made under the spawn lock and close-on-exec, so no other child inherits them.
                    ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
                    // A pipe holds 64 KiB by default, which caps each read of a command's output at that: a
                    // larger pipe lets the relay move a bulk stream in reads as large as its leg frames (decision
                    // 114). Best effort: the system's `pipe-max-size` may refuse it.
                    _ = fcntl(ends[0], Self.setPipeSize, Self.pipeSize)
                    made.append(ends)
                }
                posix_spawn_file_actions_adddup2(&actions, made[0][0], 0)
                posix_spawn_file_actions_adddup2(&actions, made[1][1], 1)
                posix_spawn_file_actions_adddup2(&actions, made[2][1], 2)
                childEnds = [made[0][0], made[1][1], made[2][1]]
                parentEnds = [made[0][1], made[1][0], made[2][0]]
                pipes = Pipes(stdin: made[0][1], stdout: made[1][0], stderr: made[2][0])
            }
            if let changeDirectory = Self.addChangeDirectory { _ = changeDirectory(&actions, directory) }
            // Nothing of the agent's (its control channel, other sessions' sockets and pipes) reaches the user's processes.
            guard let closeFrom = Self.addCloseFrom, closeFrom(&actions, 3) == 0 else {
                (parentEnds + childEnds).forEach { _ = close($0) }
                throw SessionFailure("Unable to start command: the agent cannot keep its descriptors from the session")
            }

            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var defaults = sigset_t()
            sigemptyset(&defaults)
            Self.defaultSignals.forEach { sigaddset(&defaults, $0) }
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            var emptyMask = sigset_t()
            sigemptyset(&emptyMask)
            posix_spawnattr_setsigmask(&attributes, &emptyMask)
            posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

            let argv = arguments.map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            var child: pid_t = 0
            let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
            childEnds.forEach { _ = close($0) }
            guard status == 0 else {
                parentEnds.forEach { _ = close($0) }
                throw SessionFailure("Unable to start command: \(arguments[0]): \(String(cString: strerror(status)))")
            }
            return (child, pipes)
        }
        pid = child
        self.pipes = pipes
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29), looked up at run time since Swift does
    /// not see its declaration; the child changes into the user's home before it execs.
    private static let addChangeDirectory: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34), looked up at run time likewise: the child closes every
    /// descriptor from 3 up before it execs.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Waits for the leader to exit (on a dedicated thread) and returns its exit code; a signal
    /// death is 128 + the signal, as a shell reports it.
    func exitCode() async -> Int32 {
        await withCheckedContinuation { continuation in
            let thread = Thread { [pid] in
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                let signal = status & 0x7f
                continuation.resume(returning: signal != 0 && signal != 0x7f ? 128 + signal : (status >> 8) & 0xff)
            }
            thread.start()
        }
    }

    /// Ends the session at once: SIGHUP to every process still in it, then SIGKILL to whatever is
    /// left after `hangupGrace` (on a short-lived thread, so no caller waits).
    func terminate() {
        Self.signalSession(pid, SIGHUP)
        let thread = Thread { [pid] in
            Thread.sleep(forTimeInterval: Self.hangupGrace)
            Self.signalSession(pid, SIGKILL)
        }
        thread.start()
    }

    /// Sends `signal` to the session's process group and to every process whose session is `leader`
    /// (a job-control shell puts each background job in a group of its own).
    static func signalSession(_ leader: pid_t, _ signal: Int32) {
        kill(-leader, signal)
        for member in sessionMembers(leader) { kill(member, signal) }
    }

    /// The processes whose session ID is `leader`, read from `/proc/PID/stat` (field 6).
    static func sessionMembers(_ leader: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let commEnd = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm)": state, ppid, pgrp, session.
            let fields = stat[stat.index(after: commEnd)...].split(separator: " ")
            guard fields.count > 3, pid_t(fields[3]) == leader else { return nil }
            return pid
        }
    }
}
