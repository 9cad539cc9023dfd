import ArgumentParser
import Foundation
import PortlessCore

/// `PortlessBench policy`: policy decisions per second on one task, for a principal with many attached
/// identity policies (default 20 of 20 statements), cycling through allowed and denied requests.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Time PolicyEvaluator decisions on one core for a principal with many attached policies."
    )

    @Option(help: "Measured seconds (after one second of warm-up).")
    var seconds: Double = 5

    @Option(help: "Attached identity policies.")
    var policies: Int = 20

    @Option(help: "Statements per policy.")
    var statements: Int = 20

    func validate() throws {
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be more than 0 and at most 600.") }
        guard (1...100).contains(policies), (1...100).contains(statements) else {
            throw ValidationError("--policies and --statements must be 1 to 100.")
        }
    }

    func run() throws {
        let workload = try PolicyWorkload(policies: policies, statements: statements)
        let allowed = workload.requests.filter { PolicyEvaluator.evaluate($0, policies: workload.set).isAllowed }.count
        print("policy: \(policies) policies × \(statements) statements, \(workload.requests.count) requests (\(allowed) allowed)")
        _ = measure(for: .seconds(1), workload)
        let (decisions, elapsed) = measure(for: .milliseconds(Int64(seconds * 1000)), workload)
        print(String(format: "%d decisions in %.2f s: %.0f decisions/s, %.2f µs each (one task)",
                     decisions, elapsed, Double(decisions) / elapsed, elapsed / Double(decisions) * 1e6))
    }

    /// Decides the requests round-robin for `duration`; returns how many and the seconds taken.
    private func measure(for duration: Duration, _ workload: PolicyWorkload) -> (Int, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        var decisions = 0
        var allowed = 0
        while clock.now - start < duration {
            for _ in 0..<100 {
                for request in workload.requests where PolicyEvaluator.evaluate(request, policies: workload.set).isAllowed {
                    allowed += 1
                }
                decisions += workload.requests.count
            }
        }
        let elapsed = clock.now - start
        precondition(allowed <= decisions)
        return (decisions, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
