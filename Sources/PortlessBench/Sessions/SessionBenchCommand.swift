import ArgumentParser
import Foundation
import PortlessCore

/// Session Manager against OpenSSH on loopback, side by side in one run: the bytes per second of a stream through a
/// session (`portless session NODE -- head -c N /dev/zero` against `ssh … head -c N /dev/zero`) and through a port
/// forward (`--forward` against `ssh -L`), the round trip of one keystroke through a remote `cat`, and the
/// server's resident memory with many sessions open. Both clients are separate processes reading the same bytes.
struct SessionBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions",
                                                    abstract: "Session throughput, keystroke latency and memory, against OpenSSH.")

    @OptionGroup var serverChild: ServerChildOptions

    @Option(name: .customLong("size-mib"), help: "MiB streamed in each throughput run.")
    var sizeMiB = 1024

    @Option(name: .customLong("transfer-gib"), help: "GiB streamed through one session while the server's and agent's memory is watched.")
    var transferGiB = 10

    @Option(help: "Keystrokes echoed in each latency run.")
    var keystrokes = 1000

    @Option(help: "Sessions held open at once for the memory reading.")
    var sessions = 100

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-bench-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = try serverChild.binary()
        let server = try await serverChild.start(in: directory)
        let peers = try await SessionPeers.start(binary: binary, server: server, directory: directory)
        defer { peers.stop() }
        let clients = SessionClients(binary: binary, server: server, peers: peers, directory: directory)
        let size = sizeMiB << 20

        // Memory first, while the server's heap holds nothing of the streams.
        log("\(sessions) sessions open")
        let memory = try await clients.memory(sessions: sessions)
        log("stream of \(sizeMiB) MiB")
        let streamPortless = try clients.stream(size: size, portless: true)
        let streamSSH = try clients.stream(size: size, portless: false)
        log("port forward of \(sizeMiB) MiB")
        let forwardPortless = try clients.forward(size: size, portless: true)
        let forwardSSH = try clients.forward(size: size, portless: false)
        log("\(keystrokes) keystrokes")
        let echoPortless = try clients.echo(count: keystrokes, portless: true)
        let echoSSH = try clients.echo(count: keystrokes, portless: false)
        log("transfer of \(transferGiB) GiB")
        let idleServer = try ProcessStats.read(pid: server.pid).residentKiB
        let idleAgent = try ProcessStats.read(pid: peers.agent.processIdentifier).residentKiB
        let transfer = try clients.transfer(size: transferGiB << 30)
        await server.stop()

        func rate(_ seconds: Double) -> String { String(format: "%.0f MB/s", Double(size) / seconds / 1e6) }
        print("""
            | measure | Portless | OpenSSH | Portless ÷ OpenSSH |
            |---|---|---|---|
            | stream, \(sizeMiB) MiB | \(rate(streamPortless)) | \(rate(streamSSH)) | \(String(format: "%.2f", streamSSH / streamPortless)) |
            | port forward, \(sizeMiB) MiB | \(rate(forwardPortless)) | \(rate(forwardSSH)) | \(String(format: "%.2f", forwardSSH / forwardPortless)) |
            | keystroke echo p50 | \(String(format: "%.2f ms", echoPortless.p50)) | \(String(format: "%.2f ms", echoSSH.p50)) | |
            | keystroke echo p99 | \(String(format: "%.2f ms", echoPortless.p99)) | \(String(format: "%.2f ms", echoSSH.p99)) | |
            | stream of \(transferGiB) GiB through one session | \(String(format: "%.0f MB/s", Double(transferGiB << 30) / transfer.seconds / 1e6)) | | |
            | server RSS before → peak during it | \(idleServer / 1024) MiB → \(transfer.serverPeakKiB / 1024) MiB | | |
            | agent RSS before → peak during it | \(idleAgent / 1024) MiB → \(transfer.agentPeakKiB / 1024) MiB | | |
            | server RSS, idle → \(sessions) sessions | \(memory.idleKiB / 1024) MiB → \(memory.openKiB / 1024) MiB (\((memory.openKiB - memory.idleKiB) / max(1, sessions)) KiB a session) | | |
            """)
        try? FileManager.default.removeItem(at: directory)
    }
}
