import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The account a session's shell or command runs as, from the passwd database. The agent never
/// runs a session as root unless root is named; it switches user with util-linux `setpriv`, which
/// execs in place, so the session leader stays the process the agent spawned and waits for.
struct RunAsUser: Sendable, Equatable {
    /// The unprivileged account used when no one is named, created on first use.
    static let defaultName = "portless-user"
    static let setpriv = "/usr/bin/setpriv"
    static let useradd = "/usr/sbin/useradd"
    static let userPath = "/usr/local/bin:/usr/bin:/bin"
    static let rootPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    let name: String
    let uid: uid_t
    let gid: gid_t
    let home: String
    let shell: String

    /// The user named in the order (nil or empty: `portless-user`), creating `portless-user` (home
    /// directory, bash, no password, no sudo) when it is missing. Another missing user is a failure.
    static func resolve(_ requested: String?) async throws -> RunAsUser {
        let name = requested.flatMap { $0.isEmpty ? nil : $0 } ?? defaultName
        if let user = lookup(name) { return user }
        guard name == defaultName else {
            throw SessionFailure("Unable to start command: failed to start pty since RunAs user \(name) does not exist")
        }
        // Sessions opening at once may race to create it: useradd fails for all but one, and a
        // loser finds the user made by the winner (or tries again after the winner's lock is gone).
        var failure = ""
        for _ in 0..<3 {
            let child = try ChildProcess(arguments: [useradd, "-m", "-s", "/bin/bash", name], environment: ["PATH": rootPath],
                                         workingDirectory: nil)
            let outcome = await child.wait()
            if let user = lookup(name) { return user }
            failure = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            try await Task.sleep(for: .milliseconds(200))
        }
        throw SessionFailure("Unable to start command: could not create RunAs user \(name): \(failure)")
    }

    /// The passwd entry of `name`, if there is one.
    static func lookup(_ name: String) -> RunAsUser? {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var storage = [CChar](repeating: 0, count: 16_384)
        return storage.withUnsafeMutableBufferPointer { buffer -> RunAsUser? in
            guard getpwnam_r(name, &entry, buffer.baseAddress!, buffer.count, &found) == 0, found != nil else { return nil }
            let shell = entry.pw_shell.map { String(cString: $0) } ?? ""
            return RunAsUser(name: name, uid: entry.pw_uid, gid: entry.pw_gid, home: String(cString: entry.pw_dir),
                             shell: shell.isEmpty ? "/bin/sh" : shell)
        }
    }

    /// `arguments` run as this user: through `setpriv` (real and effective IDs, the user's groups),
    /// or directly when the agent already is this user.
    func command(_ arguments: [String]) -> [String] {
        guard uid != geteuid() else { return arguments }
        return [Self.setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--"] + arguments
    }

    /// A login environment: nothing of the agent's own leaks in but its locale.
    func environment(terminal: Bool) -> [String: String] {
        var environment = ["HOME": home, "USER": name, "LOGNAME": name, "SHELL": shell,
                           "PATH": uid == 0 ? Self.rootPath : Self.userPath,
                           "LANG": Self.locale]
        if terminal { environment["TERM"] = "xterm-256color" }
        return environment
    }

    /// The agent's `LANG` when it is a UTF-8 locale, else `C.UTF-8`: a shell in the C locale would
    /// take typed UTF-8 for meta keys.
    static var locale: String {
        let agent = ProcessInfo.processInfo.environment["LANG"] ?? ""
        return agent.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8") ? agent : "C.UTF-8"
    }

    /// The home directory when it exists, else `/`.
    var workingDirectory: String {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: home, isDirectory: &isDirectory) && isDirectory.boolValue ? home : "/"
    }
}
