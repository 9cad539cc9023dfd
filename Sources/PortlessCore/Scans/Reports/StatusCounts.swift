/// How many results had each status.
public struct StatusCounts: Sendable, Codable, Hashable {
    public var pass = 0
    public var fail = 0
    public var notApplicable = 0
    public var manual = 0
    public var error = 0

    public init() {}

    public init<Results: Sequence>(_ results: Results) where Results.Element == CheckResult {
        for result in results { self[result.status] += 1 }
    }

    public subscript(status: CheckStatus) -> Int {
        get {
            switch status {
            case .pass: pass
            case .fail: fail
            case .notApplicable: notApplicable
            case .manual: manual
            case .error: error
            }
        }
        set {
            switch status {
            case .pass: pass = newValue
            case .fail: fail = newValue
            case .notApplicable: notApplicable = newValue
            case .manual: manual = newValue
            case .error: error = newValue
            }
        }
    }

    public var total: Int { pass + fail + notApplicable + manual + error }

    /// The share of decided results that passed, 0…1: PASS ÷ (PASS + FAIL + ERROR); nil when there are none.
    /// NA and MANUAL are left out (nothing to judge, or not judged yet); an ERROR counts against, since a check that
    /// could not run proves nothing safe.
    public var passRate: Double? {
        let decided = pass + fail + error
        return decided == 0 ? nil : Double(pass) / Double(decided)
    }

    public static func + (lhs: StatusCounts, rhs: StatusCounts) -> StatusCounts {
        var sum = lhs
        for status in CheckStatus.allCases { sum[status] += rhs[status] }
        return sum
    }
}
