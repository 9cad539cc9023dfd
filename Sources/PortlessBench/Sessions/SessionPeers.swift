import Foundation
import Glibc
import PortlessClient
import PortlessCore

/// The other programs the session bench runs beside the server: one real agent, and OpenSSH's sshd on loopback.
struct SessionPeers {
    let agent: Process
    let node: String
    let sshd: SpawnedProcess
    let sshPort: Int
    let sshKey: URL

    static func start(binary: String, server: ServerChild, directory: URL) async throws -> SessionPeers {
        let activation = try await server.client.call("AmazonSSM.CreateActivation",
                                                      .object(["IamRole": .string("bench-node"), "RegistrationLimit": .number(1)]))
        guard let id = activation["ActivationId"]?.stringValue, let code = activation["ActivationCode"]?.stringValue else {
            throw BenchError("CreateActivation answered without an activation")
        }
        let agentOut = directory.appendingPathComponent("agent.out")
        let agent = try launch(binary, ["agent", "--server", server.url, "--state-dir", directory.appendingPathComponent("agent").path,
                                        "--activation-id", id, "--activation-code", code, "--log-level", "warning"], output: agentOut)
        let node = try await waitForLine(in: agentOut, prefix: "Connected as ", timeout: 60)

        let ssh = directory.appendingPathComponent("sshd")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        for name in ["host", "client"] {
            try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", ssh.appendingPathComponent(name).path])
        }
        try FileManager.default.copyItem(at: ssh.appendingPathComponent("client.pub"), to: ssh.appendingPathComponent("authorized_keys"))
        let port = try ByteSource.freePort()
        let config = ssh.appendingPathComponent("sshd_config")
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(ssh.appendingPathComponent("host").path)
            PidFile \(ssh.appendingPathComponent("pid").path)
            AuthorizedKeysFile \(ssh.appendingPathComponent("authorized_keys").path)
            PasswordAuthentication no
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no
            Subsystem sftp /usr/lib/openssh/sftp-server

            """.write(to: config, atomically: true, encoding: .utf8)
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let sshd = try SpawnedProcess("/usr/sbin/sshd", ["-D", "-e", "-f", config.path], output: ssh.appendingPathComponent("sshd.log"))
        try? await Task.sleep(for: .milliseconds(500))
        return SessionPeers(agent: agent, node: node, sshd: sshd, sshPort: port, sshKey: ssh.appendingPathComponent("client"))
    }

    /// `ssh` arguments that reach the loopback sshd as root with the bench's key.
    func sshArguments(_ extra: [String]) -> [String] {
        ["-q", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-i", sshKey.path,
         "-p", String(sshPort)] + extra
    }

    func stop() {
        if agent.isRunning {
            kill(agent.processIdentifier, SIGTERM)
            agent.waitUntilExit()
        }
        sshd.stop()
    }

    private static func launch(_ executable: String, _ arguments: [String], output: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: output)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(executable) failed") }
    }

    private static func waitForLine(in file: URL, prefix: String, timeout: TimeInterval) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                return String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("no '\(prefix)' line in \(file.path)")
    }
}
