import Foundation

/// How long a minute of the session preferences lasts. Always 60 seconds, except under the test-only
/// environment variable `PORTLESS_TEST_SESSION_MINUTE_SECONDS` (1–60), which lets tests watch an idle timeout
/// or a maximum duration end a session. Never set it in production.
struct SessionClock: Sendable {
    static let variable = "PORTLESS_TEST_SESSION_MINUTE_SECONDS"

    var secondsPerMinute: Double = 60

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SessionClock {
        guard let text = environment[variable], let seconds = Double(text), (1...60).contains(seconds) else { return SessionClock() }
        return SessionClock(secondsPerMinute: seconds)
    }

    /// `duration` of the preferences in real seconds.
    func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) / 60 * secondsPerMinute
    }
}
