import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `PortlessBench params`: GetParameter latency under concurrent load against a real server child. Puts
/// `--parameters` parameters (String, or SecureString under alias/aws/ssm with `--secure`), then `--concurrency`
/// clients call GetParameter on random names (WithDecryption for SecureString) for `--seconds`; prints p50/p90/p99/max
/// latency and calls per second.
struct ParamsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "params",
        abstract: "Time GetParameter under concurrent load (see docs/benchmarks.md)."
    )

    @Option(help: "Parameters to create.")
    var parameters: Int = 1000

    @Option(help: "Concurrent clients.")
    var concurrency: Int = 32

    @Option(help: "Measured seconds (after two seconds of warm-up).")
    var seconds: Double = 10

    @Flag(help: "SecureString parameters, read WithDecryption (KMS decrypts every read).")
    var secure = false

    @OptionGroup var serverChild: ServerChildOptions

    func validate() throws {
        guard (1...100_000).contains(parameters) else { throw ValidationError("--parameters must be 1 to 100000.") }
        guard (1...1024).contains(concurrency) else { throw ValidationError("--concurrency must be 1 to 1024.") }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be more than 0 and at most 600.") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-bench-params-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await serverChild.start(in: directory)
        do {
            let client = server.client
            let type = secure ? "SecureString" : "String"
            log("putting \(parameters) \(type) parameters")
            for index in 0..<parameters {
                _ = try await client.call("AmazonSSM.PutParameter", .object([
                    "Name": .string(Self.name(index)), "Value": .string("value-\(index)-" + String(repeating: "x", count: 64)), "Type": .string(type),
                ]))
            }
            _ = try await load(client, for: .seconds(2))
            let latencies = try await load(client, for: .milliseconds(Int64(seconds * 1000)))
            let summary = LatencySummary(milliseconds: latencies)
            print(String(format: "params: %d %@ parameters, %d clients, %.0f s: %d calls, %.0f calls/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                         parameters, type, concurrency, seconds, summary.count, Double(summary.count) / seconds,
                         summary.p50, summary.p90, summary.p99, summary.max))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func name(_ index: Int) -> String { "/bench/app\(index % 10)/param\(index)" }

    /// `concurrency` tasks calling GetParameter until `duration` has passed; every call's milliseconds.
    private func load(_ client: SSMClient, for duration: Duration) async throws -> [Double] {
        let deadline = ContinuousClock.now + duration
        let decrypt = secure
        let count = parameters
        return try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var own: [Double] = []
                    while ContinuousClock.now < deadline {
                        let start = ContinuousClock.now
                        let reply = try await client.call("AmazonSSM.GetParameter", .object([
                            "Name": .string(Self.name(Int.random(in: 0..<count))), "WithDecryption": .bool(decrypt),
                        ]))
                        let value = reply["Parameter"]?["Value"]?.stringValue ?? ""
                        guard !decrypt || value.hasPrefix("value-"), !value.isEmpty else {
                            throw BenchError("GetParameter reply without the value: \(reply)")
                        }
                        own.append((ContinuousClock.now - start).seconds * 1000)
                    }
                    return own
                }
            }
            var all: [Double] = []
            for try await own in group { all += own }
            return all
        }
    }
}
