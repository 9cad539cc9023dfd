import PortlessCore

/// How severe a step's or invocation's status is, least to most: Skipped < Success < InProgress < Failed < Cancelled < TimedOut.
enum StatusSeverity {
    static func rank(_ report: StepReport) -> Int {
        if report.statusDetails == skipped { return 0 }
        switch report.status {
        case .success: return 1
        case .pending, .inProgress, .delayed, .cancelling: return 2
        case .failed: return 3
        case .cancelled: return 4
        case .timedOut: return 5
        }
    }

    static let skipped = "Skipped"
}
