public import Foundation

/// Turns a scan's node outcomes into a `ScanReport`: per-check counts across the fleet, per-node counts and scores,
/// the worst nodes, what failed anew and what was fixed since the previous scan, and the trend.
public enum ScanAnalysis {
    /// How many nodes the report lists as the worst.
    public static let worstNodeLimit = 10

    /// - Parameters:
    ///   - outcomes: this scan's nodes.
    ///   - previous: the previous scan of the same targets, nil when there is none.
    ///   - earlierTrend: earlier scans' summary points (any order; shown oldest first).
    ///   - hygiene: managed-node hygiene findings to report with the scan.
    public static func report(subject: ScanReport.Subject, generatedAt: Date, outcomes: [NodeScanOutcome],
                              previous: [NodeScanOutcome]?, earlierTrend: [ScanReport.TrendPoint] = [],
                              hygiene: [HygieneFinding] = []) -> ScanReport {
        let nodes = outcomes.map(summary)
        let scanned = nodes.filter { $0.state == .scanned }
        let fleetCounts = scanned.reduce(StatusCounts()) { $0 + $1.counts }
        let worst = scanned.filter { $0.score != nil }.sorted(by: isWorse).prefix(worstNodeLimit)
        let compared = previous.map { changes(from: $0, to: scanned) }
        let point = ScanReport.TrendPoint(scanId: subject.scanId, at: subject.finishedAt ?? subject.startedAt ?? generatedAt,
                                          passRate: fleetCounts.passRate, failures: fleetCounts.fail, scannedNodes: scanned.count)
        return ScanReport(subject: subject, generatedAt: generatedAt, checks: checkSummaries(scanned), nodes: nodes,
                          fleetCounts: fleetCounts, worstNodes: Array(worst), newFailures: compared?.new, fixed: compared?.fixed,
                          hygiene: hygiene, trend: earlierTrend.sorted { $0.at < $1.at } + [point])
    }

    private static func summary(_ outcome: NodeScanOutcome) -> ScanReport.NodeSummary {
        let results = outcome.state == .scanned ? outcome.results : []
        return ScanReport.NodeSummary(node: ref(outcome), state: outcome.state, reason: outcome.reason, scannedAt: outcome.scannedAt,
                                      counts: StatusCounts(results), score: ScanScore.score(results), results: results)
    }

    private static func ref(_ outcome: NodeScanOutcome) -> ScanReport.NodeRef {
        ScanReport.NodeRef(nodeId: outcome.nodeId, accountId: outcome.accountId, hostname: outcome.hostname)
    }

    /// Lower score first; then more failures; then host name.
    private static func isWorse(_ a: ScanReport.NodeSummary, _ b: ScanReport.NodeSummary) -> Bool {
        if a.score != b.score { return (a.score ?? 100) < (b.score ?? 100) }
        if a.counts.fail != b.counts.fail { return a.counts.fail > b.counts.fail }
        return (a.node.hostname, a.node.nodeId) < (b.node.hostname, b.node.nodeId)
    }

    private static func checkSummaries(_ scanned: [ScanReport.NodeSummary]) -> [ScanReport.CheckSummary] {
        var byId: [String: ScanReport.CheckSummary] = [:]
        for node in scanned {
            for result in node.results {
                var summary = byId[result.id] ?? ScanReport.CheckSummary(
                    id: result.id, id2026: result.id2026, title: result.title, severity: result.severity, cis: result.cis,
                    remedy: result.remedy, counts: StatusCounts(), failingNodes: [])
                summary.counts[result.status] += 1
                if result.status == .fail { summary.failingNodes.append(node.node) }
                byId[result.id] = summary
            }
        }
        return byId.values.sorted { $0.id < $1.id }
    }

    /// New failures: FAIL now where the previous scan's result for the node and check was anything else. Fixed: FAIL
    /// then, PASS or NA now (a MANUAL or ERROR result now proves no fix). Only node+check pairs both scans have a
    /// result for are compared: a node or check the previous scan did not see has no baseline.
    private static func changes(from previous: [NodeScanOutcome], to scanned: [ScanReport.NodeSummary])
        -> (new: [ScanReport.Change], fixed: [ScanReport.Change]) {
        var before: [String: [String: CheckStatus]] = [:]
        for outcome in previous where outcome.state == .scanned {
            before[outcome.nodeId, default: [:]].merge(outcome.results.map { ($0.id, $0.status) }) { first, _ in first }
        }
        var new: [ScanReport.Change] = [], fixed: [ScanReport.Change] = []
        for node in scanned {
            guard let statuses = before[node.node.nodeId] else { continue }
            for result in node.results {
                guard let old = statuses[result.id], old != result.status else { continue }
                let change = ScanReport.Change(node: node.node, checkId: result.id, title: result.title, severity: result.severity,
                                               previous: old, current: result.status)
                if result.status == .fail {
                    new.append(change)
                } else if old == .fail, result.status == .pass || result.status == .notApplicable {
                    fixed.append(change)
                }
            }
        }
        return (new, fixed)
    }
}
