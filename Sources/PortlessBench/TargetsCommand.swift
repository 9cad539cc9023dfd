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

    @Option(help: "SendCommand calls per target case; the best and the median are reported.")
    var rounds: Int = 5

    @OptionGroup var fleetOptions: FleetOptions

    @OptionGroup var serverChild: ServerChildOptions

    @Option(help: "Markdown file whose target-resolution results table gets this run's rows (e.g. docs/benchmarks.md).")
    var record: String?

    func validate() throws {
        guard (TargetCase.canaries...20000).contains(nodes) else { throw ValidationError("--nodes must be \(TargetCase.canaries) to 20000.") }
        guard (1...100).contains(rounds) else { throw ValidationError("--rounds must be 1 to 100.") }
    }

    func run() async throws {
        try FileLimit.require(fleetOptions.concurrency + 1024)
        let logger = fleetOptions.logger()
        let directory = try fleetOptions.directory()
        defer { fleetOptions.cleanUp(directory) }
        let server = try await serverChild.start(in: directory)
        let signals = SignalGuard(childPID: server.pid)
        defer { signals.cancel() }
        var results: [TargetsResult]
        let cases: [TargetCase]
        do {
            let start = ContinuousClock.now
            let fleet = Fleet(server: server, count: nodes, concurrency: fleetOptions.concurrency, logger: logger)
            let agents = try await fleetOptions.agents(fleet, directory: directory)
            log(String(format: "%d nodes ready in %.1f s", agents.count, (ContinuousClock.now - start).seconds))
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
