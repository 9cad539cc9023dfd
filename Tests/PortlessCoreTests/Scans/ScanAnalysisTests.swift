import Foundation
@testable import PortlessCore
import Testing

@Suite("Scan analysis")
struct ScanAnalysisTests {
    static let outcomes = [
        ScanFixtures.node(1, ["U-01": .pass, "U-46": .fail, "U-54": .pass, "U-13": .manual]),
        ScanFixtures.node(2, ["U-01": .fail, "U-46": .fail, "U-54": .notApplicable, "U-13": .error]),
        ScanFixtures.node(3, ["U-01": .pass, "U-46": .pass, "U-54": .pass, "U-13": .notApplicable]),
        ScanFixtures.node(4, [:], state: .notScanned, reason: "ConnectionLost: the node was offline"),
        ScanFixtures.node(5, [:], state: .malformed, reason: "line 3: 'status' must be PASS, FAIL, NA, MANUAL or ERROR"),
    ]
    static let previous = [
        ScanFixtures.node(1, ["U-01": .fail, "U-46": .pass, "U-54": .pass, "U-13": .fail]),
        ScanFixtures.node(2, ["U-01": .fail, "U-46": .fail]),
        ScanFixtures.node(3, ["U-01": .fail, "U-46": .fail, "U-54": .fail, "U-13": .fail]),
        ScanFixtures.node(4, ["U-01": .pass]),
    ]
    static let subject = ScanReport.Subject(scanId: "scan-0123456789abcdef0", name: "weekly", accountId: "111122223333",
                                            finishedAt: Date(timeIntervalSince1970: 1_800_000_000))

    func report(previous: [NodeScanOutcome]? = Self.previous) -> ScanReport {
        ScanAnalysis.report(subject: Self.subject, generatedAt: Date(timeIntervalSince1970: 1_800_000_100), outcomes: Self.outcomes,
                            previous: previous,
                            earlierTrend: [ScanReport.TrendPoint(scanId: "scan-b", at: Date(timeIntervalSince1970: 1_700_000_000), passRate: 0.5, failures: 4, scannedNodes: 3),
                                           ScanReport.TrendPoint(scanId: "scan-a", at: Date(timeIntervalSince1970: 1_600_000_000), passRate: 0.2, failures: 8, scannedNodes: 3)],
                            hygiene: [HygieneFinding(nodeId: ScanFixtures.nodeId(4), accountId: "111122223333", kind: .offline, detail: "last seen 3 days ago")])
    }

    @Test func countsPerCheckAcrossTheFleet() {
        let checks = report().checks
        #expect(checks.map(\.id) == ["U-01", "U-13", "U-46", "U-54"])
        let u01 = checks[0]
        #expect(u01.counts.pass == 2 && u01.counts.fail == 1 && u01.counts.total == 3)
        #expect(u01.failingNodes.map(\.hostname) == ["web-2"])
        let u13 = checks[1]
        #expect(u13.counts.manual == 1 && u13.counts.error == 1 && u13.counts.notApplicable == 1)
        #expect(checks[2].failingNodes.map(\.hostname) == ["web-1", "web-2"])
    }

    @Test func fleetCountsAndPassRateLeaveOutNAAndManual() {
        let report = report()
        #expect(report.fleetCounts.pass == 5 && report.fleetCounts.fail == 3 && report.fleetCounts.notApplicable == 2)
        #expect(report.fleetCounts.manual == 1 && report.fleetCounts.error == 1)
        #expect(report.fleetCounts.passRate == 5.0 / 9.0)
    }

    @Test func nodeScoresAreWeightedByImportance() {
        let nodes = report().nodes
        // web-1: PASS U-01 (High 3) and U-54 (Low 1), FAIL U-46 (Medium 2), MANUAL left out: 100 × 4 / 6.
        #expect(nodes[0].score == 100.0 * 4 / 6)
        // web-2: FAIL U-01 (3), U-46 (2), ERROR U-13 (3), NA left out: 0.
        #expect(nodes[1].score == 0)
        #expect(nodes[2].score == 100)
        #expect(nodes[3].score == nil && nodes[3].results.isEmpty)
        #expect(ScanScore.score([ScanFixtures.result("U-01", .notApplicable), ScanFixtures.result("U-13", .manual)]) == nil)
    }

    @Test func worstNodesComeFirstAndUnscannedAreListedWithReasons() {
        let report = report()
        #expect(report.worstNodes.map(\.node.hostname) == ["web-2", "web-1", "web-3"])
        #expect(report.unscannedNodes.map(\.state) == [.notScanned, .malformed])
        #expect(report.unscannedNodes[0].reason == "ConnectionLost: the node was offline")
        #expect(report.hygiene.count == 1)
    }

    @Test func newFailuresAndFixesAgainstThePreviousScan() throws {
        let report = report()
        let new = try #require(report.newFailures)
        #expect(new.map { "\($0.node.hostname) \($0.checkId)" } == ["web-1 U-46"])
        #expect(new[0].previous == .pass && new[0].current == .fail)
        let fixed = try #require(report.fixed)
        // web-1 U-13 is MANUAL now: not proven fixed. web-3 U-13 is NA now: the thing checked is gone.
        #expect(fixed.map { "\($0.node.hostname) \($0.checkId)" } == ["web-1 U-01", "web-3 U-01", "web-3 U-13", "web-3 U-46", "web-3 U-54"])
    }

    @Test func withoutAPreviousScanThereIsNothingToCompare() {
        let report = report(previous: nil)
        #expect(report.newFailures == nil && report.fixed == nil)
        // A node the previous scan did not see has no baseline: nothing is new on it.
        let fresh = self.report(previous: [ScanFixtures.node(9, ["U-01": .pass])])
        #expect(fresh.newFailures == [] && fresh.fixed == [])
    }

    @Test func trendIsOldestFirstEndingWithThisScan() {
        let trend = report().trend
        #expect(trend.map(\.scanId) == ["scan-a", "scan-b", "scan-0123456789abcdef0"])
        #expect(report().summaryPoint == ScanReport.TrendPoint(scanId: "scan-0123456789abcdef0", at: Date(timeIntervalSince1970: 1_800_000_000),
                                                                passRate: 5.0 / 9.0, failures: 3, scannedNodes: 3))
    }
}
