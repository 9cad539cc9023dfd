import Foundation

/// A server child with N simulated agents registered and logged in, settled and ready to be measured.
struct LaunchedFleet {
    let server: ServerChild
    let tracker: FleetTracker
    let channels: Task<Void, Never>
    let registerSeconds: Double
    let connectSeconds: Double
    let signals: SignalGuard
    let nodes: Int

    /// Starts the server in `directory`, registers (or reloads) the fleet, opens every channel and waits `settle` seconds.
    static func launch(nodes: Int, fleetOptions: FleetOptions, serverChild: ServerChildOptions, directory: URL, settle: Double,
                       uploader: ScanUploader? = nil) async throws -> LaunchedFleet {
        let logger = fleetOptions.logger()
        let server = try await serverChild.start(in: directory)
        let signals = SignalGuard(childPID: server.pid)
        let fleet = Fleet(server: server, count: nodes, concurrency: fleetOptions.concurrency, logger: logger)
        let tracker = FleetTracker(expectedResults: nodes)
        var channels: Task<Void, Never>?
        do {
            let registerStart = ContinuousClock.now
            let agents = try await fleetOptions.agents(fleet, directory: directory)
            let registerSeconds = (ContinuousClock.now - registerStart).seconds
            log(String(format: "registered %d agents in %.1f s", agents.count, registerSeconds))
            let connectStart = ContinuousClock.now
            channels = fleet.connect(agents, tracker: tracker, uploader: uploader)
            try await waitForLogins(tracker, server: server, nodes: nodes)
            let connectSeconds = (ContinuousClock.now - connectStart).seconds
            log(String(format: "%d channels open in %.1f s", nodes, connectSeconds))
            try await Task.sleep(for: .seconds(settle))
            return LaunchedFleet(server: server, tracker: tracker, channels: channels ?? Task {}, registerSeconds: registerSeconds,
                                 connectSeconds: connectSeconds, signals: signals, nodes: nodes)
        } catch {
            log("failed; server log: \(directory.appendingPathComponent("server.log").path)")
            for failure in tracker.failures.prefix(5) { log("  \(failure)") }
            await server.stop()
            channels?.cancel()
            signals.cancel()
            throw error
        }
    }

    /// Stops the server and waits (bounded) for every channel to see it close.
    func stop() async {
        await server.stop()
        let deadline = ContinuousClock.now + .seconds(20)
        while tracker.closedCount < nodes && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        channels.cancel()
        signals.cancel()
    }

    private static func waitForLogins(_ tracker: FleetTracker, server: ServerChild, nodes: Int) async throws {
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
}
