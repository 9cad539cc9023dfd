public import Foundation
import PortlessCore

/// A real `portless agent` process registered with a test server.
public struct TestAgent: Sendable {
    public let instanceId: String
    public let stateDirectory: URL
    public let process: TestProcess
}

/// Creates an activation with `tags`, starts `count` agents with it, waits until each is connected,
/// runs `body`, and stops them.
public func withAgents<T>(_ count: Int, server: TestServer, tags: [String: String] = [:],
                          _ body: ([TestAgent]) async throws -> T) async throws -> T {
    let activation = try await server.ssm("CreateActivation", [
        "IamRole": .string("portless-test"), "RegistrationLimit": .number(Double(count)),
        "Tags": .array(tags.map { .object(["Key": .string($0.key), "Value": .string($0.value)]) }),
    ])
    guard let id = activation["ActivationId"]?.stringValue, let code = activation["ActivationCode"]?.stringValue else {
        throw TestSupportError("CreateActivation returned no ID or code: \(activation)")
    }
    var agents: [TestAgent] = []
    do {
        for index in 0..<count {
            let state = server.dataDirectory.appendingPathComponent("agent-\(index)")
            var arguments = ["agent", "--server", server.url, "--state-dir", state.path, "--activation-id", id, "--activation-code", code]
            if let fingerprint = server.fingerprint { arguments += ["--fingerprint", fingerprint] }
            let process = try TestProcess(executable: try PortlessBinary.path(), arguments: arguments,
                                          stderrFile: server.dataDirectory.appendingPathComponent("agent-\(index).log"))
            let line = try await process.waitForLine(containing: "Connected as ")
            agents.append(TestAgent(instanceId: String(line.split(separator: " ").last ?? ""), stateDirectory: state, process: process))
        }
        let result = try await body(agents)
        for agent in agents { await agent.process.stop() }
        return result
    } catch {
        for agent in agents { await agent.process.stop() }
        throw error
    }
}
