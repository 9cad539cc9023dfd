import ArgumentParser
import Foundation
import Logging

/// `PortlessBench dispatch --nodes N`: N simulated agents on a real server child, one SendCommand
/// to all of them, and how long until every invocation is Success.
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Time one SendCommand to N simulated agents on a real server (see docs/benchmarks.md)."
    )

    @Option(help: "Simulated agents (nodes).")
    var nodes: Int = 1000

    @OptionGroup var fleetOptions: FleetOptions

    @OptionGroup var serverChild: ServerChildOptions

    @Option(help: "Seconds to let the server settle after the last login, before SendCommand.")
    var settle: Double = 3

    @Option(help: "Seconds to wait for every invocation to succeed before giving up.")
    var timeout: Double = 120

    @Option(name: .customLong("script-bytes"), help: "Pad the command's script with a shell comment of this many bytes (a bigger command record).")
    var scriptBytes: Int = 0

    @Option(help: "Markdown file whose dispatch results table gets this run's row (e.g. docs/benchmarks.md).")
    var record: String?

    @Flag(help: "Also print how many runs arrived in each 100 ms after SendCommand.")
    var timeline = false

    @Flag(name: .customLong("as-operator"), help: "Send the command as an IAM user with AmazonSSMFullAccess (the policy evaluator in the path) instead of the root key.")
    var asOperator = false

    func validate() throws {
        guard (1...20000).contains(nodes) else { throw ValidationError("--nodes must be 1 to 20000.") }
        guard timeout > 0, timeout <= 3600, settle >= 0, settle <= 600 else { throw ValidationError("--timeout/--settle out of range.") }
        guard (0...(512 << 10)).contains(scriptBytes) else { throw ValidationError("--script-bytes must be 0 to 524288.") }
    }

    func run() async throws {
        try FileLimit.require(nodes + 1024)
        let logger = fleetOptions.logger()
        let directory = try fleetOptions.directory()
        defer { fleetOptions.cleanUp(directory) }
        let server = try await serverChild.start(in: directory)
        let signals = SignalGuard(childPID: server.pid)
        defer { signals.cancel() }
        let fleet = Fleet(server: server, count: nodes, concurrency: fleetOptions.concurrency, logger: logger)
        let tracker = FleetTracker(expectedResults: nodes)
        var channels: Task<Void, Never>?
        let result: DispatchResult
        do {
            let registerStart = ContinuousClock.now
            let agents = try await fleetOptions.agents(fleet, directory: directory)
            let registerSeconds = (ContinuousClock.now - registerStart).seconds
            log(String(format: "registered %d agents in %.1f s", agents.count, registerSeconds))

            let connectStart = ContinuousClock.now
            channels = fleet.connect(agents, tracker: tracker)
            try await waitForLogins(tracker, server: server)
            let connectSeconds = (ContinuousClock.now - connectStart).seconds
            log(String(format: "%d channels open in %.1f s", nodes, connectSeconds))
            try await Task.sleep(for: .seconds(settle))

            let client = asOperator ? try await server.operatorClient() : server.client
            result = try await DispatchMeasurement(server: server, client: client, tracker: tracker, nodes: nodes, scriptBytes: scriptBytes,
                                                   timeout: timeout)
                .run(registerSeconds: registerSeconds, connectSeconds: connectSeconds)
        } catch {
            log("failed; server log: \(directory.appendingPathComponent("server.log").path)")
            for failure in tracker.failures.prefix(5) { log("  \(failure)") }
            await server.stop()
            channels?.cancel()
            throw error
        }
        await server.stop()
        await Self.wait(for: channels, tracker: tracker, count: nodes, upTo: .seconds(20))

        print(result.table())
        if timeline {
            print("run frames received, by time after SendCommand:")
            for line in result.arrivals.lines() { print("  " + line) }
        }
        if let record {
            try BenchmarksDocument(path: record).upsert(result)
            log("recorded in \(record)")
        }
        if tracker.failures.count > 0 { log("\(tracker.failures.count) agent errors, e.g. \(tracker.failures[0])") }
    }

    private func waitForLogins(_ tracker: FleetTracker, server: ServerChild) async throws {
        let deadline = ContinuousClock.now + .seconds(60 + nodes / 20)
        var reported = 0
        while tracker.loggedInCount < nodes {
            guard ContinuousClock.now < deadline else {
                throw BenchError("only \(tracker.loggedInCount) of \(nodes) agents logged in before the deadline")
            }
            guard server.isRunning else { throw BenchError("server exited during setup") }
            if tracker.closedCount > 0 {
                throw BenchError("\(tracker.closedCount) channels closed during setup: \(tracker.failures.first ?? "?")")
            }
            if tracker.loggedInCount >= reported + max(1, nodes / 10) {
                reported = tracker.loggedInCount
                log("  logged in: \(reported)/\(nodes)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The `portless` executable built beside this one (`swift build -c release` builds both).
    static func siblingServerBinary() throws -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let candidate = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("portless").path
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw BenchError("no portless executable at \(candidate); run swift build -c release or pass --server-binary")
        }
        return candidate
    }

    /// Waits (bounded) for every channel to see the server's close, then drops whatever is left.
    private static func wait(for channels: Task<Void, Never>?, tracker: FleetTracker, count: Int, upTo limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while tracker.closedCount < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        channels?.cancel()
    }
}

func log(_ text: String) {
    FileHandle.standardError.write(Data("PortlessBench: \(text)\n".utf8))
}

extension Duration {
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
