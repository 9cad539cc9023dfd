import Foundation
import Logging
import PortlessClient
import PortlessCore
import PortlessServer
import PortlessTestSupport
import Testing

/// The event bus, observed from inside a server run in-process, with a real agent binary.
@Suite("Command events on the bus", .serialized, .timeLimit(.minutes(2)))
struct CommandEventTests {
    @Test("every command and invocation status change is published in EventBridge's shape")
    func statusChangesArePublished() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-events-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let server = try await PortlessServer.open(
            ServerConfiguration(dataDirectory: directory.appendingPathComponent("data"), host: "127.0.0.1", port: 0), logger: logger)
        let events = await server.events.subscribe()
        let (urls, announce) = AsyncStream<String>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run(onListening: { announce.yield($0) }) }
            var nextURL = urls.makeAsyncIterator()
            let endpoint = try #require(await nextURL.next())
            let client = SSMClient(configuration: try ClientConfiguration.resolve(endpoint: endpoint, environment: [
                "AWS_SHARED_CREDENTIALS_FILE": server.bootstrap.credentialsFile.path, "AWS_DEFAULT_REGION": "us-east-1",
            ]))
            let activation = try await client.call("AmazonSSM.CreateActivation", .object(["IamRole": .string("test")]))
            let agent = try TestProcess(executable: try PortlessBinary.path(), arguments: [
                "agent", "--server", endpoint, "--state-dir", directory.appendingPathComponent("agent").path,
                "--activation-id", try #require(activation["ActivationId"]?.stringValue),
                "--activation-code", try #require(activation["ActivationCode"]?.stringValue),
            ])
            let connected = try await agent.waitForLine(containing: "Connected as ")
            let instanceId = String(connected.split(separator: " ").last ?? "")
            let sent = try await client.call("AmazonSSM.SendCommand", .object([
                "DocumentName": .string("AWS-RunShellScript"), "InstanceIds": .array([.string(instanceId)]),
                "Parameters": .object(["commands": .array([.string("echo hi")])]),
            ]))
            let commandId = try #require(sent["Command"]?["CommandId"]?.stringValue)

            var seen: [EventEnvelope] = []
            // The bus also carries the audit trail's "AWS API Call via CloudTrail" events; this test follows Run Command's.
            for await event in events where [CommandEvents.commandDetailType, CommandEvents.invocationDetailType].contains(event.detailType) {
                seen.append(event)
                if event.detailType == CommandEvents.commandDetailType, event.detail["status"]?.stringValue == "Success" { break }
            }
            let commandStatuses = seen.filter { $0.detailType == CommandEvents.commandDetailType }.compactMap { $0.detail["status"]?.stringValue }
            let invocationStatuses = seen.filter { $0.detailType == CommandEvents.invocationDetailType }.compactMap { $0.detail["status"]?.stringValue }
            #expect(commandStatuses == ["Pending", "InProgress", "Success"])
            #expect(invocationStatuses == ["InProgress", "Success"])
            for event in seen {
                #expect(event.source == "aws.ssm")
                #expect(event.version == "0")
                #expect(event.region == "us-east-1")
                #expect(event.account == server.bootstrap.accountId)
                #expect(event.detail["command-id"]?.stringValue == commandId)
            }
            let invocationEvent = try #require(seen.first { $0.detailType == CommandEvents.invocationDetailType })
            #expect(invocationEvent.detail["instance-id"]?.stringValue == instanceId)
            #expect(invocationEvent.resources == ["arn:aws:ssm:us-east-1:\(server.bootstrap.accountId):managed-instance/\(instanceId)"])
            await agent.stop()
            group.cancelAll()
        }
    }
}
