import Foundation

/// One measured object-store phase beside its plain-disk baseline, as one row of the
/// "Object store" results table.
struct S3PhaseResult: Sendable {
    /// The row key, e.g. "1024 MiB PUT (UNSIGNED-PAYLOAD)".
    var name: String
    var seconds: Double
    var bytes: Int
    var operations: Int
    /// The same bytes or files through plain read/write, and what that was.
    var baselineSeconds: Double
    var baselineName: String
    /// Per-request latency (small objects only).
    var latencyMs: LatencySummary?
    var usage: ServerUsage
    var date: Date

    /// Large objects: decimal MB/s; small: operations per second.
    var rate: String {
        operations == 1 ? String(format: "%.0f MB/s", Double(bytes) / 1e6 / seconds)
            : String(format: "%.0f ops/s", Double(operations) / seconds)
    }

    var baselineRate: String {
        operations == 1 ? String(format: "%.0f MB/s", Double(bytes) / 1e6 / baselineSeconds)
            : String(format: "%.0f files/s", Double(operations) / baselineSeconds)
    }

    /// Object store speed as a fraction of the disk baseline's.
    var ratio: Double { baselineSeconds / seconds }

    var latencyText: String {
        latencyMs.map { String(format: "%.1f / %.1f / %.0f ms", $0.p50, $0.p99, $0.max) } ?? "—"
    }

    static let markdownHeader = """
        | measurement | time | rate | disk baseline (rate) | store ÷ disk | latency p50 / p99 / max | server CPU | server peak RSS (before) | bench CPU | load 1 min before → after | date |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
        """

    func markdownRow() -> String {
        let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        let cells = [
            name,
            String(format: "%.2f s", seconds),
            rate,
            String(format: "%.2f s", baselineSeconds) + " (\(baselineRate)) " + baselineName,
            String(format: "%.0f %%", ratio * 100),
            latencyText,
            String(format: "%.2f s", usage.serverCPUSeconds),
            String(format: "%.0f MiB (%.0f)", usage.serverPeakRSSMiB, usage.serverRSSBeforeMiB),
            String(format: "%.2f s", usage.benchCPUSeconds),
            String(format: "%.2f → %.2f", usage.loadBefore, usage.loadAfter),
            day,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// Lines for the terminal.
    func summary() -> String {
        "\(name): " + String(format: "%.2f s", seconds) + ", \(rate) — disk " + String(format: "%.2f s", baselineSeconds)
            + " (\(baselineRate)), store/disk " + String(format: "%.0f %%", ratio * 100) + "; latency \(latencyText); "
            + String(format: "server CPU %.2f s, peak RSS %.0f MiB; bench CPU %.2f s; load %.2f → %.2f", usage.serverCPUSeconds,
                     usage.serverPeakRSSMiB, usage.benchCPUSeconds, usage.loadBefore, usage.loadAfter)
    }
}
