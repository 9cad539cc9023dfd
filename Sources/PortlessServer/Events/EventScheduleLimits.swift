import Foundation

/// The test-only environment variable `PORTLESS_TEST_EVENT_SCHEDULE_SECONDS`: when set to 1 at server start, rule
/// schedules may be written `rate(N second|seconds)` so that tests can watch a schedule fire without waiting whole
/// minutes. Never set it in production.
enum EventScheduleLimits {
    static let variable = "PORTLESS_TEST_EVENT_SCHEDULE_SECONDS"

    static func allowsSeconds(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment[variable] == "1"
    }
}
