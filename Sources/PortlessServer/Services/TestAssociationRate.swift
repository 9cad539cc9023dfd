import Foundation
import PortlessCore

/// The test-only environment variable `PORTLESS_TEST_MIN_ASSOCIATION_RATE_SECONDS`: when set (1–1800) at server
/// start, State Manager accepts rate expressions down to that many seconds instead of 30 minutes, written
/// `rate(N seconds)` too, so that tests can watch scheduled runs happen. Never set it in production.
enum TestAssociationRate {
    static let variable = "PORTLESS_TEST_MIN_ASSOCIATION_RATE_SECONDS"

    static func limits(environment: [String: String] = ProcessInfo.processInfo.environment) -> AssociationScheduleLimits {
        guard let text = environment[variable], let seconds = Int(text), (1...1800).contains(seconds) else { return AssociationScheduleLimits() }
        return AssociationScheduleLimits(minimumInterval: TimeInterval(seconds), allowsSeconds: true)
    }
}

/// How short an association's schedule may be.
struct AssociationScheduleLimits: Sendable {
    var minimumInterval = AssociationSchedule.minimumInterval
    var allowsSeconds = false

    /// `association`'s schedule; nil when it has none (or, stored before the limits were raised, no longer parses).
    func schedule(of association: AssociationRecord) -> AssociationSchedule? {
        guard let text = association.scheduleExpression else { return nil }
        return try? AssociationSchedule(parsing: text, offsetDays: association.scheduleOffset,
                                        applyOnlyAtCronInterval: association.applyOnlyAtCronInterval,
                                        minimumInterval: 0, allowsSeconds: true)
    }

    /// Parses and checks a requested schedule.
    func parse(_ text: String, offsetDays: Int?, applyOnlyAtCronInterval: Bool) throws -> AssociationSchedule {
        try AssociationSchedule(parsing: text, offsetDays: offsetDays, applyOnlyAtCronInterval: applyOnlyAtCronInterval,
                                minimumInterval: minimumInterval, allowsSeconds: allowsSeconds)
    }
}
