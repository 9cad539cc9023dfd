import Foundation

/// One target case's SendCommand latencies, as one row of the "Target resolution" results table.
struct TargetsResult: Sendable {
    var name: String
    var matched: Int
    var registered: Int
    /// SendCommand request → reply, one per round, in milliseconds.
    var latenciesMs: [Double]
    /// The server's CPU over all rounds, divided by the rounds.
    var serverCPUPerCallMs: Double
    /// Resolution alone in the store, by its indexed query and by reading every node and tag.
    var indexedMs: [Double] = []
    var scanMs: [Double] = []
    var loadBefore: Double
    var loadAfter: Double
    var date: Date

    /// "best / median ms" of some durations.
    static func bestAndMedian(_ values: [Double]) -> String {
        String(format: "%.1f / %.1f ms", values.min() ?? .nan, LatencySummary(milliseconds: values).p50)
    }

    static let markdownHeader = """
        | Targets | nodes matched / registered | SendCommand best / median | rounds | server CPU per call | store: indexed query best / median | store: read all + filter best / median | load 1 min before → after | date |
        |---|---:|---:|---:|---:|---:|---:|---:|---|
        """

    func markdownRow() -> String {
        let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        let cells = [
            name,
            "\(matched) / \(registered)",
            Self.bestAndMedian(latenciesMs),
            String(latenciesMs.count),
            String(format: "%.1f ms", serverCPUPerCallMs),
            indexedMs.isEmpty ? "—" : Self.bestAndMedian(indexedMs),
            scanMs.isEmpty ? "—" : Self.bestAndMedian(scanMs),
            String(format: "%.2f → %.2f", loadBefore, loadAfter),
            day,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// One line for the terminal.
    func summary() -> String {
        "\(name): \(matched)/\(registered) nodes, SendCommand best / median " + Self.bestAndMedian(latenciesMs)
            + " (" + latenciesMs.map { String(format: "%.1f", $0) }.joined(separator: ", ") + ")"
            + String(format: "; server CPU %.1f ms per call; load %.2f → %.2f", serverCPUPerCallMs, loadBefore, loadAfter)
            + (indexedMs.isEmpty ? "" : "; store: indexed " + Self.bestAndMedian(indexedMs) + ", read all + filter " + Self.bestAndMedian(scanMs))
    }
}
