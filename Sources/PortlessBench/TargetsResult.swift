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
    var loadBefore: Double
    var loadAfter: Double
    var date: Date

    var bestMs: Double { latenciesMs.min() ?? .nan }
    var medianMs: Double { LatencySummary(milliseconds: latenciesMs).p50 }

    static let markdownHeader = """
        | Targets | nodes matched / registered | SendCommand best / median | rounds | server CPU per call | load 1 min before → after | date |
        |---|---:|---:|---:|---:|---:|---|
        """

    func markdownRow() -> String {
        let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        let cells = [
            name,
            "\(matched) / \(registered)",
            String(format: "%.1f / %.1f ms", bestMs, medianMs),
            String(latenciesMs.count),
            String(format: "%.1f ms", serverCPUPerCallMs),
            String(format: "%.2f → %.2f", loadBefore, loadAfter),
            day,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// One line for the terminal.
    func summary() -> String {
        "\(name): \(matched)/\(registered) nodes, SendCommand " + String(format: "best %.1f ms, median %.1f ms", bestMs, medianMs)
            + " (" + latenciesMs.map { String(format: "%.1f", $0) }.joined(separator: ", ") + ")"
            + String(format: "; server CPU %.1f ms per call; load %.2f → %.2f", serverCPUPerCallMs, loadBefore, loadAfter)
    }
}
