import Foundation
import PortlessClient
import PortlessCore

/// Times SendCommand against a registered fleet for each `TargetCase`, `rounds` times each: the
/// call's latency from request to reply (target resolution, planning and storing the command and
/// its invocations; the nodes are offline, so nothing is delivered).
struct TargetsMeasurement: Sendable {
    let server: ServerChild
    let nodes: Int
    let rounds: Int

    func run(_ cases: [TargetCase]) async throws -> [TargetsResult] {
        var results: [TargetsResult] = []
        for target in cases {
            let span = try ServerSpan.begin(pid: server.pid)
            var latencies: [Double] = []
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                let reply = try await server.client.call("AmazonSSM.SendCommand", .object([
                    "DocumentName": .string("AWS-RunShellScript"),
                    "Targets": target.json,
                    "Parameters": .object(["commands": .array([.string("true")])]),
                    "MaxConcurrency": .string("1"),
                    "TimeoutSeconds": .number(3600),
                    "Comment": .string("PortlessBench targets"),
                ]))
                latencies.append((ContinuousClock.now - start).seconds * 1000)
                guard case .number(let count)? = reply["Command"]?["TargetCount"], Int(count) == target.expected else {
                    throw BenchError("\(target.name): expected TargetCount \(target.expected), got \(reply["Command"]?["TargetCount"].map { "\($0)" } ?? "none")")
                }
            }
            let usage = try span.end()
            let result = TargetsResult(name: target.name, matched: target.expected, registered: nodes, latenciesMs: latencies,
                                       serverCPUPerCallMs: usage.serverCPUSeconds * 1000 / Double(rounds),
                                       loadBefore: usage.loadBefore, loadAfter: usage.loadAfter, date: Date())
            log(result.summary())
            results.append(result)
        }
        return results
    }
}
