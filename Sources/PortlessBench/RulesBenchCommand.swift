import ArgumentParser
import Foundation
import PortlessCore

/// `PortlessBench rules`: events matched per second on one task against many rules (default 1,000), the way the rule
/// engine matches them: each event turned into its JSON object, then run through one account's pattern index.
struct RulesBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Time EventBridge rule matching on one core: events per second against many rules."
    )

    @Option(help: "Measured seconds (after one second of warm-up).")
    var seconds: Double = 5

    @Option(help: "Rules in the account.")
    var rules: Int = 1000

    func validate() throws {
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be more than 0 and at most 600.") }
        guard (1...100_000).contains(rules) else { throw ValidationError("--rules must be 1 to 100000.") }
    }

    func run() throws {
        let workload = try RulesWorkload(rules: rules)
        let index = EventPatternIndex(workload.patterns)
        let matched = workload.events.map { index.matches($0.json).count }
        print("rules: \(rules) rules (\(workload.filedShare)% filed by source/detail-type), \(workload.events.count) events, "
              + "\(matched.reduce(0, +)) matches per round")
        _ = measure(for: .seconds(1), index, workload.events)
        let (events, elapsed) = measure(for: .milliseconds(Int64(seconds * 1000)), index, workload.events)
        print(String(format: "%d events in %.2f s: %.0f events/s, %.1f µs each (one task)",
                     events, elapsed, Double(events) / elapsed, elapsed / Double(events) * 1e6))
    }

    /// Matches the events round-robin for `duration`; returns how many and the seconds taken.
    private func measure(for duration: Duration, _ index: EventPatternIndex<Int>, _ events: [EventEnvelope]) -> (Int, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        var matches = 0
        while clock.now - start < duration {
            for event in events {
                matches += index.matches(event.json).count
            }
            count += events.count
        }
        let elapsed = clock.now - start
        precondition(matches >= 0)
        return (count, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
