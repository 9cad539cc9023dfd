import Foundation

/// One dispatch run's numbers.
struct DispatchResult: Sendable {
    var nodes: Int
    var registerSeconds: Double
    var connectSeconds: Double
    /// SendCommand's own response time (the server pushes every `run` before it answers).
    var sendCommandResponseMs: Double
    /// SendCommand request → the server acknowledged the last agent's Success result.
    var allSuccessSeconds: Double
    /// SendCommand request → `run` received at the agent, over every agent.
    var runLatencyMs: LatencySummary
    var arrivals: ArrivalTimeline
    var serverRSSBeforeMiB: Double
    var serverPeakRSSMiB: Double
    var serverCPUSeconds: Double
    var benchCPUSeconds: Double
    /// What ListCommands said afterwards.
    var commandStatus: String
    var completedCount: Int
    /// Channels the server closed during the measurement (their acks never came).
    var channelsLost: Int
    /// The end was seen by polling ListCommands (±1 s), not by the last ack.
    var finishedByPolling: Bool
    var date: Date

    var metTargets: (allSuccess: Bool, p99: Bool?) {
        (nodes >= 10000 ? allSuccessSeconds < 10 : true, nodes == 1000 ? runLatencyMs.p99 < 250 : nil)
    }

    /// The human-readable table printed at the end of a run.
    func table() -> String {
        let rows: [(String, String)] = [
            ("nodes", "\(nodes)"),
            ("setup: register", String(format: "%.1f s", registerSeconds)),
            ("setup: open channels", String(format: "%.1f s", connectSeconds)),
            ("SendCommand response", String(format: "%.0f ms", sendCommandResponseMs)),
            ("SendCommand → all Success", String(format: "%.2f s", allSuccessSeconds)),
            ("SendCommand → run at agent p50", String(format: "%.0f ms", runLatencyMs.p50)),
            ("SendCommand → run at agent p90", String(format: "%.0f ms", runLatencyMs.p90)),
            ("SendCommand → run at agent p99", String(format: "%.0f ms", runLatencyMs.p99)),
            ("SendCommand → run at agent max", String(format: "%.0f ms", runLatencyMs.max)),
            ("server RSS before SendCommand", String(format: "%.0f MiB", serverRSSBeforeMiB)),
            ("server peak RSS during dispatch", String(format: "%.0f MiB", serverPeakRSSMiB)),
            ("server CPU during dispatch", String(format: "%.2f s", serverCPUSeconds)),
            ("bench CPU during dispatch", String(format: "%.2f s", benchCPUSeconds)),
            ("ListCommands afterwards", "\(commandStatus), CompletedCount \(completedCount)"),
            ("channels closed by server", "\(channelsLost)" + (finishedByPolling ? " (end seen by polling ListCommands, ±1 s)" : "")),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    /// The header of the results table in docs/benchmarks.md, matching `markdownRow`.
    static let markdownHeader = """
        | nodes | SendCommand → all Success | → run at agent p50 / p99 / max | SendCommand response | server peak RSS (before) | server CPU | bench CPU | setup: register + connect | date |
        |---:|---:|---:|---:|---:|---:|---:|---:|---|
        """

    /// One row of the results table in docs/benchmarks.md.
    func markdownRow() -> String {
        let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        let cells = [
            "\(nodes)",
            String(format: "%.2f s", allSuccessSeconds) + (finishedByPolling ? " (±1 s, \(channelsLost) channels dropped)" : ""),
            String(format: "%.0f / %.0f / %.0f ms", runLatencyMs.p50, runLatencyMs.p99, runLatencyMs.max),
            String(format: "%.0f ms", sendCommandResponseMs),
            String(format: "%.0f MiB (%.0f)", serverPeakRSSMiB, serverRSSBeforeMiB),
            String(format: "%.2f s", serverCPUSeconds),
            String(format: "%.2f s", benchCPUSeconds),
            String(format: "%.0f s + %.0f s", registerSeconds, connectSeconds),
            day,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}
