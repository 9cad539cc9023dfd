/// A node's security score: its results weighted by importance (상 3, 중 2, 하 1 — `CheckSeverity.weight`),
/// 100 × Σ weight(PASS) ÷ Σ weight(PASS, FAIL, ERROR), as Korean assessments weight 양호 items over the items that
/// apply. NA and MANUAL results are left out; an ERROR counts against (see `StatusCounts.passRate`).
public enum ScanScore {
    /// The score of `results`, 0…100; nil when no result is PASS, FAIL or ERROR.
    public static func score(_ results: [CheckResult]) -> Double? {
        var passed = 0, decided = 0
        for result in results {
            switch result.status {
            case .pass:
                passed += result.severity.weight
                decided += result.severity.weight
            case .fail, .error:
                decided += result.severity.weight
            case .notApplicable, .manual:
                break
            }
        }
        return decided == 0 ? nil : 100 * Double(passed) / Double(decided)
    }
}
