import Foundation
import Logging
import PortlessClient
import PortlessCore
import Synchronization
import Testing

// `DataChannelClient` against a scripted WebSocket server speaking the data channel as the
// Portless server does: handshake, in-order delivery and acknowledgements, resends, and resuming
// a dropped connection with a new token, the sequence numbers carrying on.

private let logger: Logger = {
    var logger = Logger(label: "portless.test.client")
    logger.logLevel = .critical
    return logger
}()

private func bytes(_ text: String) -> Data { Data(text.utf8) }

/// Outputs a handler collects.
private final class Collected: Sendable {
    private let items = Mutex<[DataChannelOutput]>([])
    func append(_ output: DataChannelOutput) { items.withLock { $0.append(output) } }
    var all: [DataChannelOutput] { items.withLock { $0 } }
}

@Suite("Data channel client", .timeLimit(.minutes(1)))
struct DataChannelClientTests {
    @Test func handshakeOrderedOutputAcknowledgementsAndExitCode() async throws {
        let seen = Mutex<(open: OpenDataChannelInput?, response: HandshakeResponse?, acks: [Int64])>((nil, nil, []))
        try await ScriptedDataChannelServer.run(script: { _, peer in
            let open = try await peer.open()
            let response = try await peer.handshake(sessionType: "Standard_Stream", customerMessage: "Welcome")
            try await peer.output(3, .output, bytes("world"))
            try await peer.output(2, .output, bytes("hello "))
            try await peer.output(2, .output, bytes("hello "))
            try await peer.output(4, .stdErr, bytes("oops"))
            try await peer.output(5, .exitCode, bytes("7"))
            var acks: [Int64] = []
            while acks.count < 7 { acks.append(try await peer.nextAcknowledgement()) }
            seen.withLock { $0 = (open, response, acks) }
            try await peer.closeChannel()
        }) { api, stream, _ in
            let client = DataChannelClient(stream: stream, api: api, logger: logger)
            let collected = Collected()
            async let end = client.run { collected.append($0) }
            let ready = try await client.waitUntilReady()
            #expect(ready.sessionType?.SessionType == "Standard_Stream")
            #expect(ready.customerMessage == "Welcome")
            #expect(try await end == DataChannelEnd(reason: .closedByServer(output: ""), exitCode: 7))
            #expect(collected.all == [.stdout(bytes("hello ")), .stdout(bytes("world")), .stderr(bytes("oops"))])
        }
        let (open, response, acks) = seen.withLock { $0 }
        #expect(open?.TokenValue == "token-0")
        #expect(open?.MessageSchemaVersion == "1.0")
        #expect(open?.ClientVersion.hasPrefix("portless/") == true)
        #expect(response?.ClientVersion.hasPrefix("portless/") == true)
        #expect(response?.ProcessedClientActions == [ProcessedClientAction(actionType: "SessionType", actionStatus: 1)])
        // Every stream message is acknowledged as it is handled: early ones at once, duplicates again.
        #expect(acks == [0, 1, 3, 2, 2, 4, 5])
    }

    @Test func unacknowledgedInputIsResentAfterTheTimeout() async throws {
        let seen = Mutex<(first: DataChannelMessage?, again: DataChannelMessage?, gap: Duration)>((nil, nil, .zero))
        try await ScriptedDataChannelServer.run(script: { _, peer in
            _ = try await peer.open()
            _ = try await peer.handshake()
            let first = try await peer.nextInput()
            let clock = ContinuousClock.now
            let again = try await peer.nextInput()
            let gap = ContinuousClock.now - clock
            try await peer.acknowledge(again)
            seen.withLock { $0 = (first, again, gap) }
            try await peer.closeChannel(output: "done")
        }) { api, stream, _ in
            let client = DataChannelClient(stream: stream, api: api, logger: logger)
            async let end = client.run { _ in }
            _ = try await client.waitUntilReady()
            try await client.send(bytes("ls\r"))
            #expect(try await end == DataChannelEnd(reason: .closedByServer(output: "done"), exitCode: nil))
        }
        let (first, again, gap) = seen.withLock { $0 }
        #expect(first?.sequenceNumber == 1)
        #expect(first?.payloadType == .output)
        #expect(again?.encoded() == first?.encoded())
        #expect(gap >= .milliseconds(190))
    }

    @Test func aDroppedConnectionResumesWithANewTokenAndSequencesCarryOn() async throws {
        let seen = Mutex<(tokens: [String], resent: DataChannelMessage?, next: DataChannelMessage?)>(([], nil, nil))
        let result = try await ScriptedDataChannelServer.run(script: { connection, peer in
            let open = try await peer.open()
            seen.withLock { $0.tokens.append(open.TokenValue) }
            if connection == 1 {
                _ = try await peer.handshake()
                try await peer.output(2, .output, bytes("before "))
                _ = try await peer.nextInput()
                return // the socket drops with the input unacknowledged
            }
            let resent = try await peer.nextInput()
            try await peer.acknowledge(resent)
            try await peer.output(2, .output, bytes("before "))
            try await peer.output(3, .output, bytes("after"))
            let next = try await peer.nextInput()
            try await peer.acknowledge(next)
            seen.withLock { $0.resent = resent; $0.next = next }
            try await peer.closeChannel()
        }) { api, stream, calls in
            let client = DataChannelClient(stream: stream, api: api, logger: logger)
            let collected = Collected()
            async let end = client.run { output in
                collected.append(output)
                if output == .stdout(bytes("after")) { try await client.send(bytes("more")) }
            }
            _ = try await client.waitUntilReady()
            try await client.send(bytes("typed"))
            #expect(try await end == DataChannelEnd(reason: .closedByServer(output: ""), exitCode: nil))
            #expect(collected.all == [.stdout(bytes("before ")), .stdout(bytes("after"))])
            return (calls.targets, calls.connections)
        }
        #expect(result.0 == ["AmazonSSM.ResumeSession"])
        #expect(result.1 == 2)
        let (tokens, resent, next) = seen.withLock { $0 }
        #expect(tokens == ["token-0", "token-1"])
        #expect(resent?.sequenceNumber == 1)
        #expect(resent?.payload == bytes("typed"))
        #expect(next?.sequenceNumber == 2)
        #expect(next?.payload == bytes("more"))
    }

    @Test func aSessionWithoutATokenToResumeHasTimedOut() async throws {
        try await ScriptedDataChannelServer.run(resumeTokens: false, script: { _, peer in
            _ = try await peer.open()
            _ = try await peer.handshake()
        }) { api, stream, _ in
            let client = DataChannelClient(stream: stream, api: api, logger: logger)
            let end = try await client.run { _ in }
            #expect(end == DataChannelEnd(reason: .timedOut, exitCode: nil))
            await #expect(throws: DataChannelClosedError.self) { try await client.send(bytes("late")) }
        }
    }

    @Test func sendingWaitsWhileTheWindowIsFull() async throws {
        let released = Mutex<ContinuousClock.Instant?>(nil)
        try await ScriptedDataChannelServer.run(script: { _, peer in
            _ = try await peer.open()
            _ = try await peer.handshake()
            var held: [Int64: DataChannelMessage] = [:]
            while held.count < DataChannelClient.window {
                let message = try await peer.nextInput()
                held[message.sequenceNumber] = message
            }
            try await Task.sleep(for: .milliseconds(400))
            released.withLock { $0 = .now }
            for message in held.values { try await peer.acknowledge(message) }
            var last = try await peer.nextInput()
            while last.sequenceNumber <= Int64(DataChannelClient.window) { last = try await peer.nextInput() }
            try await peer.acknowledge(last)
            try await peer.closeChannel()
        }) { api, stream, _ in
            let client = DataChannelClient(stream: stream, api: api, logger: logger)
            async let end = client.run { _ in }
            _ = try await client.waitUntilReady()
            // The handshake response was acknowledged, so the window is empty.
            for index in 0..<DataChannelClient.window { try await client.send(bytes("chunk \(index)")) }
            try await client.send(bytes("one too many"))
            let sentAt = ContinuousClock.now
            _ = try await end
            let acknowledgedAt = try #require(released.withLock { $0 })
            #expect(sentAt >= acknowledgedAt)
        }
    }
}
