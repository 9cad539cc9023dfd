import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child process in its own process group, with stdout and stderr captured up to a limit.
///
/// The group can be killed as a whole (timeout, cancel), which also ends anything the script started.
final class ChildProcess: Sendable {
    /// How the process ended.
    struct Outcome: Sendable {
        var exitCode: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
    }

    /// Output beyond this many bytes per stream is dropped (the API shows far less).
    static let captureLimit = 1 << 20
    /// After the shell exits, how long to keep reading from pipes held open by its leftover children.
    static let drainGrace: TimeInterval = 2

    let pid: pid_t
    private let stdoutFD: Int32
    private let stderrFD: Int32
    /// Copies of what is captured, written as it arrives, so output survives an agent crash.
    private let copies: (stdout: Int32, stderr: Int32)?

    /// Starts `arguments[0]` with `arguments` and `environment` in a new process group. With a
    /// `workingDirectory`, a `/bin/sh` wrapper changes into it (passed as an argument, never spliced
    /// into shell text) and then execs the command.
    init(arguments command: [String], environment: [String: String], workingDirectory: String?,
         outputFiles: (stdout: URL, stderr: URL)? = nil) throws {
        let arguments = workingDirectory.map { ["/bin/sh", "-c", "cd -- \"$1\" || exit 1; shift; exec \"$@\"", "sh", $0] + command } ?? command
        let (child, outPipe, errPipe) = try SpawnLock.run { () throws -> (pid_t, [Int32], [Int32]) in
            var outPipe: [Int32] = [-1, -1]
            var errPipe: [Int32] = [-1, -1]
            guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
            // Made under the lock and close-on-exec, so no other child inherits them (it would hold the pipe open).
            for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            posix_spawnattr_setpgroup(&attributes, 0)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGPIPE)
            sigaddset(&defaults, SIGINT)
            sigaddset(&defaults, SIGTERM)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            var emptyMask = sigset_t()
            sigemptyset(&emptyMask)
            posix_spawnattr_setsigmask(&attributes, &emptyMask)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

            let argv = arguments.map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            var child: pid_t = 0
            let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
            close(outPipe[1])
            close(errPipe[1])
            guard status == 0 else {
                close(outPipe[0])
                close(errPipe[0])
                throw POSIXError(POSIXErrorCode(rawValue: status) ?? .ENOEXEC)
            }
            return (child, outPipe, errPipe)
        }
        pid = child
        stdoutFD = outPipe[0]
        stderrFD = errPipe[0]
        copies = outputFiles.map { (open($0.stdout.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600),
                                    open($0.stderr.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)) }
    }

    /// Kills the whole process group.
    func killGroup() {
        kill(-pid, SIGKILL)
    }

    /// Waits for the process to exit and its output to drain, on a dedicated thread.
    func wait() async -> Outcome {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in continuation.resume(returning: collect()) }
            thread.start()
        }
    }

    private func collect() -> Outcome {
        var stdout = [UInt8]()
        var stderr = [UInt8]()
        var open = [stdoutFD: true, stderrFD: true]
        var exitStatus: Int32?
        var exitedAt: Date?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open.values.contains(true) {
            if exitStatus == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    exitStatus = status
                    exitedAt = Date()
                }
            }
            if let exitedAt, Date().timeIntervalSince(exitedAt) > Self.drainGrace { break }
            var fds = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            guard ready > 0 else { continue }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count <= 0 {
                    open[entry.fd] = false
                    continue
                }
                let isStdout = entry.fd == stdoutFD
                let kept = min(count, Self.captureLimit - (isStdout ? stdout.count : stderr.count))
                guard kept > 0 else { continue }
                if isStdout { stdout += buffer[0..<kept] } else { stderr += buffer[0..<kept] }
                if let copy = isStdout ? copies?.stdout : copies?.stderr, copy >= 0 {
                    _ = buffer.withUnsafeBytes { Glibc.write(copy, $0.baseAddress, kept) }
                }
            }
        }
        close(stdoutFD)
        close(stderrFD)
        if let copies {
            if copies.stdout >= 0 { close(copies.stdout) }
            if copies.stderr >= 0 { close(copies.stderr) }
        }
        var status = exitStatus ?? 0
        if exitStatus == nil { waitpid(pid, &status, 0) }
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        let code = signalled ? 128 + (status & 0x7f) : (status >> 8) & 0xff
        return Outcome(exitCode: code, signalled: signalled,
                       stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
