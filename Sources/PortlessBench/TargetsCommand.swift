import ArgumentParser
import Foundation
import Logging
import PortlessClient
import PortlessCore

/// `PortlessBench targets --nodes N`: SendCommand by tag, by tag key and by node ID against N
/// registered (offline) nodes on a real server child, timed per call; then the resolution alone
/// on the server's database (`StoreResolutionMeasurement`).
struct TargetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Time SendCommand's target resolution against N registered nodes (see docs/benchmarks.md)."
    )

    @Option(help: "Registered nodes.")
    var nodes: Int = 10000

    @Option(help: "Registrations in flight at once during setup.")
    var concurrency: Int = 32

    @Option(help: "SendCommand calls per target case; the best and the median are reported.")
    var rounds: Int = 5

    @OptionGroup var serverChild: ServerChildOptions

    @Option(help: "Markdown file whose target-resolution results table gets this run's rows (e.g. docs/benchmarks.md).")
    var record: String?

    @Flag(help: "Keep the server's temporary data directory, log and registered fleet (for --reuse).")
    var keep = false

    @Option(help: "Skip registration: restart the server on a directory kept by an earlier --keep run (of this or dispatch).")
    var reuse: String?

    func validate() throws {
        guard (TargetCase.canaries...20000).contains(nodes) else { throw ValidationError("--nodes must be \(TargetCase.canaries) to 20000.") }
        guard (1...1000).contains(concurrency) else { throw ValidationError("--concurrency must be 1 to 1000.") }
        guard (1...100).contains(rounds) else { throw ValidationError("--rounds must be 1 to 100.") }
    }

    func run() async throws {
        try FileLimit.require(concurrency + 1024)
        var logger = Logger(label: "portless.bench")
        logger.logLevel = .warning
        let binary = try serverChild.binary()
        let directory = reuse.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("portless-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !keep && reuse == nil { try? FileManager.default.removeItem(at: directory) } }

        let server = try await ServerChild(binary: binary, directory: directory, logLevel: serverChild.serverLogLevel)
        let signals = SignalGuard(childPID: server.pid)
        defer { signals.cancel() }
        log("server \(server.pid) at \(server.url), data in \(directory.path)")
        var results: [TargetsResult]
        let cases: [TargetCase]
        do {
            let agents: [(agent: SimulatedAgent, instanceId: String)]
            if reuse != nil {
                agents = try FleetFile.load(from: directory, count: nodes)
            } else {
                let start = ContinuousClock.now
                agents = try await Fleet(server: server, count: nodes, concurrency: concurrency, logger: logger).register()
                log(String(format: "registered %d nodes in %.1f s", agents.count, (ContinuousClock.now - start).seconds))
                if keep { try FleetFile(agents).save(in: directory) }
            }
            let canaryIds = agents.prefix(TargetCase.canaries).map(\.instanceId)
            for instanceId in canaryIds {
                _ = try await server.client.call("AmazonSSM.AddTagsToResource", .object([
                    "ResourceType": .string("ManagedInstance"), "ResourceId": .string(instanceId),
                    "Tags": .array([.object(["Key": .string("Canary"), "Value": .string("yes")])]),
                ]))
            }
            cases = TargetCase.all(nodes: nodes, canaryIds: canaryIds)
            results = try await TargetsMeasurement(server: server, nodes: nodes, rounds: rounds).run(cases)
        } catch {
            log("failed; server log: \(directory.appendingPathComponent("server.log").path)")
            await server.stop()
            throw error
        }
        await server.stop()
        let database = directory.appendingPathComponent("data").appendingPathComponent("portless.sqlite").path
        results = try await StoreResolutionMeasurement(databasePath: database, rounds: rounds).run(cases, results: results)

        for result in results { print(result.summary()) }
        if let record {
            try BenchmarksDocument(path: record, section: "targets")
                .upsert(rows: results.map { $0.markdownRow() }, header: TargetsResult.markdownHeader)
            log("recorded in \(record)")
        }
    }
}
