import ArgumentParser
import Foundation

/// `PortlessBench s3`: object-store throughput on a real server child, beside plain disk I/O of the
/// same bytes on the same machine (see docs/benchmarks.md, "Object store").
struct S3Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3",
        abstract: "Object store PUT/GET throughput (1 GiB and 10,000 small objects) beside plain disk I/O (see docs/benchmarks.md)."
    )

    @Option(name: .customLong("large-mib"), help: "Size of the large object in MiB (0 skips the large-object part).")
    var largeMiB: Int = 1024

    @Option(help: "Rounds of disk copy, PUT and GET of the large object; the fastest of each counts.")
    var rounds: Int = 2

    @Option(name: .customLong("small-count"), help: "Small objects (0 skips the small-object part).")
    var smallCount: Int = 10000

    @Option(name: .customLong("small-size"), help: "Bytes per small object.")
    var smallSize: Int = 1024

    @Option(help: "Concurrent clients (HTTP connections) for the small objects.")
    var clients: Int = 100

    @OptionGroup var serverChild: ServerChildOptions

    @Option(help: "Seconds any one timed phase may take before the bench gives up.")
    var timeout: Double = 300

    @Option(help: "Markdown file whose object-store results table gets this run's rows (e.g. docs/benchmarks.md).")
    var record: String?

    @Flag(help: "Keep the temporary directory (server data and log).")
    var keep = false

    func validate() throws {
        guard (0...8192).contains(largeMiB) else { throw ValidationError("--large-mib must be 0 to 8192.") }
        guard (1...10).contains(rounds) else { throw ValidationError("--rounds must be 1 to 10.") }
        guard (0...100_000).contains(smallCount), (1...(1 << 20)).contains(smallSize) else {
            throw ValidationError("--small-count must be 0 to 100000 and --small-size 1 to 1048576.")
        }
        guard (1...1000).contains(clients) else { throw ValidationError("--clients must be 1 to 1000.") }
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be 1 to 3600 seconds.") }
    }

    func run() async throws {
        try FileLimit.require(clients + 1024)
        let binary = try serverChild.binary()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-bench-s3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }

        let server = try await ServerChild(binary: binary, directory: directory, logLevel: serverChild.serverLogLevel)
        let signals = SignalGuard(childPID: server.pid)
        defer { signals.cancel() }
        log("server \(server.pid) at \(server.url), data in \(directory.path)")
        var results: [S3PhaseResult] = []
        let client: S3BenchClient
        do {
            client = try S3BenchClient(server: server, connections: clients)
        } catch {
            await server.stop()
            throw error
        }
        do {
            if largeMiB > 0 {
                results += try await LargeObjectMeasurement(server: server, client: client, directory: directory,
                                                            size: largeMiB << 20, rounds: rounds, timeout: timeout).run()
            }
            guard server.isRunning else { throw BenchError("server exited") }
            if smallCount > 0 {
                results += try await SmallObjectMeasurement(server: server, client: client, directory: directory, count: smallCount,
                                                            size: smallSize, clients: clients, timeout: timeout).run()
            }
        } catch {
            log("failed; server log: \(directory.appendingPathComponent("server.log").path)\(keep ? "" : " (removed; use --keep)")")
            await client.shutdown()
            await server.stop()
            throw error
        }
        await client.shutdown()
        await server.stop()

        for result in results { print(result.summary()) }
        if let record, !results.isEmpty {
            try BenchmarksDocument(path: record, section: "object-store")
                .upsert(rows: results.map { $0.markdownRow() }, header: S3PhaseResult.markdownHeader)
            log("recorded in \(record)")
        }
    }
}
