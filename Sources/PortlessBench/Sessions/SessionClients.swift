import Foundation
import Glibc
import PortlessClient
import PortlessCore

/// Runs the two clients of each session measurement: `portless session` and OpenSSH's `ssh`.
struct SessionClients {
    let binary: String
    let server: ServerChild
    let peers: SessionPeers
    let directory: URL

    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("PORTLESS_") }
        environment["AWS_SHARED_CREDENTIALS_FILE"] = server.directory.appendingPathComponent("data/credentials").path
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["PORTLESS_ENDPOINT"] = server.url
        return environment
    }

    private func child(portless: Bool, _ arguments: [String], remote: [String] = []) throws -> BenchChild {
        let log = directory.appendingPathComponent("client-\(UUID().uuidString).log")
        if portless { return try BenchChild(binary, ["session", peers.node] + arguments + (remote.isEmpty ? [] : ["--"] + remote), environment: environment, stderrTo: log) }
        return try BenchChild("/usr/bin/ssh", peers.sshArguments(arguments + ["root@127.0.0.1"] + remote), environment: environment, stderrTo: log)
    }

    /// Seconds to receive `size` bytes of a remote `head -c SIZE /dev/zero`.
    func stream(size: Int, portless: Bool) throws -> Double {
        let start = ContinuousClock.now
        let client = try child(portless: portless, [], remote: ["head", "-c", String(size), "/dev/zero"])
        let received = client.drain()
        client.stop()
        guard received == size else { throw BenchError("stream received \(received) of \(size) bytes: \(client.errors)") }
        return seconds(since: start)
    }

    /// A `size`-byte stream through a session, with the peak resident memory of the server and of the agent
    /// while it ran (each peak reset first, so it is the transfer's, not the start's).
    func transfer(size: Int) throws -> (seconds: Double, serverPeakKiB: Int, agentPeakKiB: Int) {
        let agent = peers.agent.processIdentifier
        guard ProcessStats.resetPeak(pid: server.pid), ProcessStats.resetPeak(pid: agent) else {
            throw BenchError("cannot reset the peak resident memory (/proc/PID/clear_refs)")
        }
        let seconds = try stream(size: size, portless: true)
        return (seconds, try ProcessStats.read(pid: server.pid).peakResidentKiB, try ProcessStats.read(pid: agent).peakResidentKiB)
    }

    /// Seconds to read `size` bytes through a forwarded port from a source on the node's loopback.
    func forward(size: Int, portless: Bool) throws -> Double {
        let source = try ByteSource(size: size)
        let local = try ByteSource.freePort()
        let client = portless
            ? try child(portless: true, ["--forward", "\(local):localhost:\(source.port)"])
            : try child(portless: false, ["-N", "-L", "\(local):127.0.0.1:\(source.port)"])
        defer { client.stop() }
        // The first connection waits for the tunnel; the measured one runs on a ready tunnel.
        _ = try ByteSource.readAll(port: local)
        let start = ContinuousClock.now
        let received = try ByteSource.readAll(port: local)
        guard received == size else { throw BenchError("forward received \(received) of \(size) bytes: \(client.errors)") }
        return seconds(since: start)
    }

    /// Round trips of one byte through a remote `cat`.
    func echo(count: Int, portless: Bool) throws -> LatencySummary {
        let client = try child(portless: portless, [], remote: ["cat"])
        defer { client.stop() }
        for _ in 0..<20 { _ = try client.echo(0x61) }
        return LatencySummary(milliseconds: try (0..<count).map { _ in try client.echo(0x61) })
    }

    /// The server's resident memory before and with `sessions` sessions open (each running `sleep`).
    func memory(sessions: Int) async throws -> (idleKiB: Int, openKiB: Int) {
        let idle = try ProcessStats.read(pid: server.pid).residentKiB
        var clients: [BenchChild] = []
        defer { for client in clients { client.stop() } }
        for _ in 0..<sessions { clients.append(try child(portless: true, [], remote: ["sleep", "600"])) }
        let deadline = Date().addingTimeInterval(120)
        var active = 0
        while Date() < deadline {
            let reply = try await server.client.call("AmazonSSM.DescribeSessions", .object(["State": .string("Active"), "MaxResults": .number(200)]))
            active = reply["Sessions"]?.arrayValue?.filter { $0["Status"]?.stringValue == "Connected" }.count ?? 0
            if active >= sessions { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        guard active >= sessions else { throw BenchError("only \(active) of \(sessions) sessions connected") }
        return (idle, try ProcessStats.read(pid: server.pid).residentKiB)
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
