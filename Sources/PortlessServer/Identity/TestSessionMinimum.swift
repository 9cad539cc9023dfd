import Foundation
import PortlessCore

/// The test-only environment variable `PORTLESS_TEST_MIN_SESSION_SECONDS`: when set (1–900) at server
/// start, STS accepts `DurationSeconds` down to that many seconds instead of 900, so that tests can watch
/// credentials expire. Never set it in production.
enum TestSessionMinimum {
    static let variable = "PORTLESS_TEST_MIN_SESSION_SECONDS"

    static func durations(environment: [String: String] = ProcessInfo.processInfo.environment) -> SessionDurations {
        guard let text = environment[variable], let seconds = Int(text), (1...900).contains(seconds) else { return SessionDurations() }
        return SessionDurations(minimum: seconds)
    }
}
