import Foundation
import Glibc

/// A long-running program started with `posix_spawn` rather than Foundation's `Process`. Foundation takes a child
/// that closes the descriptors it inherited (sshd does as it starts) for one that has exited, and its monitor thread
/// then blocks waiting for it; while it waits, no other `Process` of the bench is seen to end.
struct SpawnedProcess {
    let pid: pid_t

    /// Starts `executable` with `arguments`, stdin from /dev/null and stdout and stderr to `output`.
    init(_ executable: String, _ arguments: [String], output: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(status)))") }
        self.pid = pid
    }

    /// Sends SIGTERM and waits for the program to end.
    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
