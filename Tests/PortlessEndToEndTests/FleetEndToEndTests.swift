import Foundation
import Logging
import PortlessClient
import PortlessCore
import PortlessTestSupport
import Testing

/// The real binary as server and agents, driven through the signed Swift client.
@Suite("Fleet end to end (real server and agents)", .serialized, .timeLimit(.minutes(3)))
struct FleetEndToEndTests {
    @Test("a command to every node runs on each, with per-node output and exit codes")
    func commandToAll() async throws {
        try await withServer { server in
            try await withAgents(2, server: server, tags: ["role": "web"]) { agents in
                let reply = try await server.ssm("SendCommand", [
                    "DocumentName": .string("AWS-RunShellScript"),
                    "Targets": .array([.object(["Key": .string("tag:role"), "Values": .array([.string("web")])])]),
                    "Parameters": .object(["commands": .array([.string("echo node-$(cat /proc/sys/kernel/random/boot_id | cut -c1-4)"), .string("echo oops >&2"), .string("exit 7")])]),
                ])
                let commandId = try #require(reply["Command"]?["CommandId"]?.stringValue)
                for agent in agents {
                    let invocation = try await finishedInvocation(server, commandId: commandId, instanceId: agent.instanceId)
                    #expect(invocation["Status"]?.stringValue == "Failed")
                    #expect(invocation["ResponseCode"] == .number(7))
                    #expect(invocation["StandardOutputContent"]?.stringValue?.hasPrefix("node-") == true)
                    #expect(invocation["StandardErrorContent"]?.stringValue == "oops\n")
                }
                let listed = try await server.ssm("ListCommands", ["CommandId": .string(commandId)])
                let command = try #require(listed["Commands"]?.arrayValue?.first)
                #expect(command["Status"]?.stringValue == "Failed")
                #expect(command["TargetCount"] == .number(2))
                #expect(command["CompletedCount"] == .number(2))
                #expect(command["ErrorCount"] == .number(2))
            }
        }
    }

    @Test("with --tls auto, agents pin the CA fingerprint and clients trust the CA bundle")
    func pinnedTLS() async throws {
        try await withServer(tls: true) { server in
            #expect(server.url.hasPrefix("https://"))
            #expect(server.fingerprint?.hasPrefix("sha256:") == true)
            try await withAgents(1, server: server) { agents in
                let reply = try await server.ssm("SendCommand", [
                    "DocumentName": .string("AWS-RunShellScript"),
                    "InstanceIds": .array([.string(agents[0].instanceId)]),
                    "Parameters": .object(["commands": .array([.string("echo over tls")])]),
                ])
                let commandId = try #require(reply["Command"]?["CommandId"]?.stringValue)
                let invocation = try await finishedInvocation(server, commandId: commandId, instanceId: agents[0].instanceId)
                #expect(invocation["StandardOutputContent"]?.stringValue == "over tls\n")
                let pinned = try String(contentsOf: agents[0].stateDirectory.appendingPathComponent("server-ca.pem"), encoding: .utf8)
                #expect(pinned.contains("BEGIN CERTIFICATE"))

                // A session's leg dials the server over TLS too, with the pinned CA.
                let started = try await server.ssm("StartSession", [
                    "Target": .string(agents[0].instanceId), "DocumentName": .string("AWS-StartNonInteractiveCommand"),
                    "Parameters": .object(["command": .array([.string("echo over a tls leg; exit 3")])]),
                ])
                let stream = try #require(SessionStream(reply: started))
                #expect(stream.streamURL.hasPrefix("wss://"))
                let output = OutputCollector()
                let end = try await DataChannelClient(stream: stream, api: server.client, logger: Logger(label: "tls-session")).run { piece in
                    if case .stdout(let bytes) = piece { await output.append(bytes) }
                }
                #expect(end.exitCode == 3)
                #expect(await output.text == "over a tls leg\n")
            }
        }
    }

    @Test("an agent given the wrong fingerprint refuses to connect and registers nothing")
    func wrongFingerprint() async throws {
        try await withServer(tls: true) { server in
            let activation = try await server.ssm("CreateActivation", ["IamRole": .string("portless-test")])
            let state = server.dataDirectory.appendingPathComponent("agent-mitm")
            let agent = try TestProcess(executable: try PortlessBinary.path(), arguments: [
                "agent", "--server", server.url, "--state-dir", state.path,
                "--activation-id", try #require(activation["ActivationId"]?.stringValue),
                "--activation-code", try #require(activation["ActivationCode"]?.stringValue),
                "--fingerprint", "sha256:" + String(repeating: "0", count: 64),
            ])
            let status = await agent.waitForExit(timeout: .seconds(20))
            #expect(status != nil && status != 0)
            await agent.stop()
            let nodes = try await server.ssm("DescribeInstanceInformation")
            #expect(nodes["InstanceInformationList"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("an unsigned request is refused with an AWS error and the CLI's wrong secret runs nothing")
    func unsignedRefused() async throws {
        try await withServer { server in
            let forged = SSMClient(configuration: ClientConfiguration(
                endpoint: try #require(URL(string: server.url)), region: "us-east-1",
                credentials: AWSCredentials(accessKeyId: server.client.configuration.credentials.accessKeyId,
                                            secretAccessKey: "not-the-secret")))
            await #expect(throws: ClientError.self) {
                _ = try await forged.call("AmazonSSM.SendCommand", .object([
                    "DocumentName": .string("AWS-RunShellScript"), "Targets": .array([]),
                ]))
            }
            let listed = try await server.ssm("ListCommands")
            #expect(listed["Commands"]?.arrayValue?.isEmpty == true)
        }
    }

    private func finishedInvocation(_ server: TestServer, commandId: String, instanceId: String) async throws -> JSONValue {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let reply = try? await server.ssm("GetCommandInvocation", ["CommandId": .string(commandId), "InstanceId": .string(instanceId)]),
               let status = reply["Status"]?.stringValue, ["Success", "Failed", "Cancelled", "TimedOut"].contains(status) {
                return reply
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TestSupportError("invocation \(commandId) on \(instanceId) did not finish")
    }
}

/// What a session printed, gathered across the output handler's calls.
private actor OutputCollector {
    private var bytes = Data()

    func append(_ more: Data) {
        bytes.append(more)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
