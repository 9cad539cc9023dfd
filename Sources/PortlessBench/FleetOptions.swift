import ArgumentParser
import Foundation
import Logging

/// How a benchmark sets up its registered fleet and where the server keeps its data; shared by
/// the subcommands that register nodes.
struct FleetOptions: ParsableArguments {
    @Option(help: "Registrations (and, for dispatch, logins) in flight at once during setup.")
    var concurrency: Int = 32

    @Flag(help: "Keep the server's temporary data directory, log and registered fleet (for --reuse).")
    var keep = false

    @Option(help: "Skip registration: restart the server on a directory kept by an earlier --keep run (of dispatch or targets).")
    var reuse: String?

    func validate() throws {
        guard (1...1000).contains(concurrency) else { throw ValidationError("--concurrency must be 1 to 1000.") }
    }

    /// The agents' logger: warnings and errors only.
    func logger() -> Logger {
        var logger = Logger(label: "portless.bench")
        logger.logLevel = .warning
        return logger
    }

    /// The data directory: the reused one, or a new temporary one.
    func directory() throws -> URL {
        let directory = reuse.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("portless-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Removes `directory` unless it is kept or reused.
    func cleanUp(_ directory: URL) {
        if !keep && reuse == nil { try? FileManager.default.removeItem(at: directory) }
    }

    /// The fleet saved in a reused directory, or `fleet` registered now (and saved with `--keep`).
    func agents(_ fleet: Fleet, directory: URL) async throws -> [(agent: SimulatedAgent, instanceId: String)] {
        if reuse != nil { return try FleetFile.load(from: directory, count: fleet.count) }
        let agents = try await fleet.register()
        if keep { try FleetFile(agents).save(in: directory) }
        return agents
    }
}
