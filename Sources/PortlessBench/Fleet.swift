import Foundation
import Logging
import PortlessClient
import PortlessCore

/// N simulated agents: activations made through the API, each agent registered over its own
/// WebSocket, then every control channel opened and held in this process.
///
/// Activation k (nodes 1000k to 1000k + 999) tags its nodes `Group=g<k>` and `Env=prod` (k even)
/// or `Env=dev` (k odd), so that targets by tag have something to choose from.
struct Fleet: Sendable {
    static let registrationsPerActivation = 1000

    let server: ServerChild
    let count: Int
    let concurrency: Int
    let logger: Logger

    /// Makes ceil(N/1000) activations and registers N agents; returns each agent with its node ID.
    func register() async throws -> [(agent: SimulatedAgent, instanceId: String)] {
        var activations: [(id: String, code: String)] = []
        for group in 0..<((count + Self.registrationsPerActivation - 1) / Self.registrationsPerActivation) {
            let reply = try await server.client.call("AmazonSSM.CreateActivation", .object([
                "IamRole": .string("portless-bench"),
                "RegistrationLimit": .number(Double(Self.registrationsPerActivation)),
                "Description": .string("PortlessBench fleet"),
                "Tags": .array([
                    .object(["Key": .string("Group"), "Value": .string("g\(group)")]),
                    .object(["Key": .string("Env"), "Value": .string(group % 2 == 0 ? "prod" : "dev")]),
                ]),
            ]))
            guard let id = reply["ActivationId"]?.stringValue, let code = reply["ActivationCode"]?.stringValue else {
                throw BenchError("CreateActivation reply without ActivationId/ActivationCode: \(reply)")
            }
            activations.append((id, code))
        }
        let url = server.channelURL
        let logger = self.logger
        let progress = Progress(label: "registered", total: count)
        return try await withThrowingTaskGroup(of: (Int, SimulatedAgent, String).self) { group in
            var results = [(agent: SimulatedAgent, instanceId: String)?](repeating: nil, count: count)
            var next = 0
            func launch() {
                let index = next
                let activation = activations[index / Self.registrationsPerActivation]
                next += 1
                group.addTask {
                    let agent = SimulatedAgent(index: index)
                    let instanceId = try await agent.register(url: url, activationId: activation.id,
                                                              activationCode: activation.code, logger: logger)
                    return (index, agent, instanceId)
                }
            }
            while next < min(concurrency, count) { launch() }
            while let (index, agent, instanceId) = try await group.next() {
                results[index] = (agent, instanceId)
                progress.advance()
                if next < count { launch() }
            }
            return results.compactMap { $0 }
        }
    }

    /// Opens every agent's channel, at most `concurrency` logins in flight; returns the task that
    /// holds them (it ends when the server closes the channels).
    func connect(_ agents: [(agent: SimulatedAgent, instanceId: String)], tracker: FleetTracker,
                 uploader: ScanUploader? = nil) -> Task<Void, Never> {
        let url = server.channelURL
        let logger = self.logger
        let limiter = AsyncLimiter(limit: concurrency)
        return Task {
            await withDiscardingTaskGroup { group in
                for (agent, instanceId) in agents {
                    await limiter.acquire()
                    group.addTask {
                        await agent.runChannel(url: url, instanceId: instanceId, tracker: tracker, uploader: uploader, logger: logger) {
                            await limiter.release()
                        }
                    }
                }
            }
        }
    }
}
