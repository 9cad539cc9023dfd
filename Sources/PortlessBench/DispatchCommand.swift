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
        let directory = try fleetOptions.directory()
        defer { fleetOptions.cleanUp(directory) }
        let fleet = try await LaunchedFleet.launch(nodes: nodes, fleetOptions: fleetOptions, serverChild: serverChild, directory: directory,
                                                   settle: settle)
        let result: DispatchResult
        do {
            let client = asOperator ? try await fleet.server.operatorClient() : fleet.server.client
            result = try await DispatchMeasurement(server: fleet.server, client: client, tracker: fleet.tracker, nodes: nodes,
                                                   scriptBytes: scriptBytes, timeout: timeout)
                .run(registerSeconds: fleet.registerSeconds, connectSeconds: fleet.connectSeconds)
        } catch {
            log("failed; server log: \(directory.appendingPathComponent("server.log").path)")
            for failure in fleet.tracker.failures.prefix(5) { log("  \(failure)") }
            await fleet.stop()
            throw error
        }
        await fleet.stop()

        print(result.table())
        if timeline {
            print("run frames received, by time after SendCommand:")
            for line in result.arrivals.lines() { print("  " + line) }
        }
        if let record {
            try BenchmarksDocument(path: record).upsert(result)
            log("recorded in \(record)")
        }
        if fleet.tracker.failures.count > 0 { log("\(fleet.tracker.failures.count) agent errors, e.g. \(fleet.tracker.failures[0])") }
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
