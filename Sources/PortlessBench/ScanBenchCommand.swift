import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `PortlessBench scan --nodes N`: N simulated agents on a real server child; one StartScan to all of them;
/// each agent uploads a 72-check result through its presigned URL; how long until the scan is analysed and
/// its report is ready, counted from the last upload.
struct ScanBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Time a fleet scan of N simulated agents: presign, dispatch, ingest, aggregate (see docs/benchmarks.md)."
    )

    @Option(help: "Simulated agents (nodes).")
    var nodes: Int = 1000

    @OptionGroup var fleetOptions: FleetOptions

    @OptionGroup var serverChild: ServerChildOptions

    @Option(help: "Seconds to let the server settle after the last login.")
    var settle: Double = 3

    @Option(name: .customLong("max-concurrency"), help: "The scan's MaxConcurrency.")
    var maxConcurrency = "100%"

    @Option(help: "Upload connections the simulated fleet shares.")
    var connections: Int = 64

    @Option(help: "Seconds to wait for the scan before giving up.")
    var timeout: Double = 300

    @Option(help: "Markdown file whose scan results table gets this run's row (e.g. docs/benchmarks.md).")
    var record: String?

    func validate() throws {
        guard (1...20000).contains(nodes) else { throw ValidationError("--nodes must be 1 to 20000.") }
        guard (1...1024).contains(connections) else { throw ValidationError("--connections must be 1 to 1024.") }
    }

    func run() async throws {
        try FileLimit.require(nodes + connections + 1024)
        let directory = try fleetOptions.directory()
        defer { fleetOptions.cleanUp(directory) }
        let uploads = ScanUploadTracker()
        let uploader = ScanUploader(connections: connections, tracker: uploads)
        let fleet = try await LaunchedFleet.launch(nodes: nodes, fleetOptions: fleetOptions, serverChild: serverChild, directory: directory,
                                                   settle: settle, uploader: uploader)
        let result: ScanBenchResult
        do {
            result = try await measure(fleet, uploads: uploads)
        } catch {
            log("failed; server log: \(directory.appendingPathComponent("server.log").path)")
            for failure in (fleet.tracker.failures + uploads.failures).prefix(5) { log("  \(failure)") }
            await fleet.stop()
            await uploader.shutdown()
            throw error
        }
        await fleet.stop()
        await uploader.shutdown()
        print(result.table())
        if let record {
            try BenchmarksDocument(path: record, section: "scan").upsert(rows: [result.markdownRow()], header: ScanBenchResult.markdownHeader) {
                (Int($0) ?? 0) < (Int($1) ?? 0)
            }
            log("recorded in \(record)")
        }
    }

    private func measure(_ fleet: LaunchedFleet, uploads: ScanUploadTracker) async throws -> ScanBenchResult {
        let client = fleet.server.client
        let start = ContinuousClock.now
        let reply = try await client.call("Portless.StartScan", .object([
            "Targets": .array([.object(["Key": .string("InstanceIds"), "Values": .array([.string("*")])])]),
            "MaxConcurrency": .string(maxConcurrency), "WindowSeconds": .number(3600),
        ]))
        let started = ContinuousClock.now
        guard let scanId = reply["Scan"]?["ScanId"]?.stringValue else { throw BenchError("StartScan reply without ScanId: \(reply)") }
        log(String(format: "scan %@ started in %.2f s", scanId, (started - start).seconds))
        let deadline = start + .seconds(timeout)
        var scan: JSONValue?
        while true {
            scan = try await client.call("Portless.GetScan", .object(["ScanId": .string(scanId)]))["Scan"]
            if let status = scan?["Status"]?.stringValue.flatMap(ScanStatus.init(rawValue:)), status.isTerminal { break }
            guard ContinuousClock.now < deadline else { throw BenchError("scan not finished after \(timeout) s: \(scan.map { "\($0)" } ?? "")") }
            try await Task.sleep(for: .milliseconds(100))
        }
        let finished = ContinuousClock.now
        let report = try await client.call("Portless.GetScanReport", .object(["ScanId": .string(scanId), "Format": .string("json")]))
        let reportReady = ContinuousClock.now
        guard let lastUpload = uploads.lastUploadAt else { throw BenchError("no upload reached the server") }
        let scanned: Int = if case .number(let value)? = scan?["NodeCounts"]?["Scanned"] { Int(value) } else { 0 }
        return ScanBenchResult(nodes: fleet.nodes, scanned: scanned, uploads: uploads.uploads, startSeconds: (started - start).seconds,
                               lastUploadSeconds: (lastUpload - start).seconds, finishedSeconds: (finished - start).seconds,
                               reportSeconds: (reportReady - start).seconds, reportAfterLastUpload: (reportReady - lastUpload).seconds,
                               reportBytes: report["Report"]?.stringValue?.utf8.count ?? 0)
    }
}
