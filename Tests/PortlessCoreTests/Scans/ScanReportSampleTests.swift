import Foundation
@testable import PortlessCore
import Testing

/// Writes a fleet-looking HTML report made of synthetic outcomes to `$PORTLESS_REPORT_SAMPLE` (in the language of
/// `$PORTLESS_REPORT_SAMPLE_LANG`, Korean by default) — the source of `docs/images/scan-report.png`.
@Suite("Scan report sample")
struct ScanReportSampleTests {
    static let path = ProcessInfo.processInfo.environment["PORTLESS_REPORT_SAMPLE"]

    /// A status for `node` and check number `check`, the same on every run; `drift` moves a third of them.
    static func status(node: Int, check: Int, drift: Int) -> CheckStatus {
        let moved = (node + check) % 3 == 0 ? drift : 0
        if check == 8 && node % 3 == 0 { return .manual }
        let roll = (node * node * 7 + check * 13 + node * check * 3 + moved * 5) % 23
        switch roll {
        case 0...2: return .fail
        case 3 where check < 5 || node > 6: return .fail
        case 4: return check % 4 == 0 ? .manual : .fail
        case 5: return .notApplicable
        case 6 where check == 8: return .manual
        case 7 where node == 6: return .error
        default: return .pass
        }
    }

    static func outcomes(drift: Int) -> [NodeScanOutcome] {
        let hosts = ["web-01", "web-02", "web-03", "api-01", "api-02", "db-01", "db-02", "batch-01", "bastion", "log-01"]
        var outcomes = hosts.enumerated().map { index, host in
            NodeScanOutcome(nodeId: ScanFixtures.nodeId(index + 1), accountId: index < 6 ? "111122223333" : "444455556666",
                            hostname: host, state: .scanned, scannedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(index * 40)),
                            results: ScanFixtures.titles.enumerated().map { check, item in
                                let status = status(node: index, check: check, drift: drift)
                                var result = ScanFixtures.result(item.0, status)
                                if status == .manual { result.review = ["/usr/bin/at", "/usr/bin/newgrp", "/usr/sbin/unix_chkpwd"] }
                                if status == .notApplicable { result.evidence = [CheckEvidence(note: "not installed")] }
                                if status == .error { result.evidence = [CheckEvidence(note: "timed out after 60 s")] }
                                return result
                            })
        }
        outcomes.append(NodeScanOutcome(nodeId: ScanFixtures.nodeId(11), accountId: "444455556666", hostname: "legacy-01",
                                        state: .notScanned, reason: "The node was offline for the whole scan window."))
        return outcomes
    }

    @Test(.enabled(if: path != nil)) func writeSample() throws {
        let language = ReportLanguage(rawValue: ProcessInfo.processInfo.environment["PORTLESS_REPORT_SAMPLE_LANG"] ?? "ko") ?? .ko
        let day = 86_400.0
        let trend = (1...5).map { week in
            ScanReport.TrendPoint(scanId: "scan-0000000000000000\(week)", at: Date(timeIntervalSince1970: 1_800_000_000 - Double(6 - week) * 7 * day),
                                  passRate: 0.52 + Double(week) * 0.05, failures: 60 - week * 6, scannedNodes: 10)
        }
        let report = ScanAnalysis.report(
            subject: ScanReport.Subject(scanId: "scan-0a1b2c3d4e5f60718", name: "weekly-kisa-unix", accountId: "111122223333",
                                        bundleSha256: String(repeating: "3f9a", count: 16), startedAt: Date(timeIntervalSince1970: 1_800_000_000),
                                        finishedAt: Date(timeIntervalSince1970: 1_800_000_600)),
            generatedAt: Date(timeIntervalSince1970: 1_800_000_900), outcomes: Self.outcomes(drift: 0), previous: Self.outcomes(drift: 1),
            earlierTrend: trend,
            hygiene: [HygieneFinding(nodeId: ScanFixtures.nodeId(11), accountId: "444455556666", kind: .notScannedInWindow,
                                     detail: "Not scanned within the 7-day window of association weekly-kisa-unix.",
                                     since: Date(timeIntervalSince1970: 1_800_000_000 - 9 * day)),
                      HygieneFinding(nodeId: ScanFixtures.nodeId(12), accountId: "444455556666", kind: .neverConnected,
                                     detail: "Registered from activation 5e1d…, its agent never connected.")])
        try Data(ScanReportHTML.render(report, language: language).utf8).write(to: URL(fileURLWithPath: try #require(Self.path)))
    }
}
