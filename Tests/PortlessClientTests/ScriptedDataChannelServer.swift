import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import HummingbirdWebSocket
import Logging
import NIOCore
import PortlessClient
import PortlessCore
import Synchronization
import Testing

/// A stand-in for the server's data channel: a real WebSocket endpoint on a free port whose
/// connections each run the test's script, and a POST / that answers ResumeSession with a new
/// token (`token-N` for the N-th call) — enough to drive `DataChannelClient` through its protocol.
enum ScriptedDataChannelServer {
    typealias Script = @Sendable (_ connection: Int, _ peer: ScriptedPeer) async throws -> Void

    static let sessionId = "alice-0123456789abcdef0"

    /// Runs `body` with a client configuration and the first `SessionStream` pointing at the server.
    static func run<T: Sendable>(resumeTokens: Bool = true, script: @escaping Script,
                                 body: @Sendable (SSMClient, SessionStream, Calls) async throws -> T) async throws -> T {
        let calls = Calls()
        let port = Mutex<Int>(0)
        let router = Router()
        router.post("/") { request, _ -> Response in
            let target = request.headers[HTTPField.Name("x-amz-target")!] ?? ""
            let number = calls.resumed(target: target)
            let token: JSONValue = resumeTokens ? .string("token-\(number)") : .null
            let reply: JSONValue = .object(["SessionId": .string(sessionId), "TokenValue": token,
                                            "StreamUrl": .string(streamURL(port: port.withLock { $0 }))])
            return Response(status: .ok, headers: [.contentType: "application/x-amz-json-1.1"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(reply))))
        }
        let server = HTTPServerBuilder.http1WebSocketUpgrade(configuration: .init(maxFrameSize: 1 << 20)) { request, _, _ in
            guard request.path?.hasPrefix("/v1/data-channel/") == true else { return .dontUpgrade }
            let connection = calls.connected()
            return .upgrade([:]) { inbound, outbound, _ in
                try await script(connection, ScriptedPeer(inbound: inbound, outbound: outbound))
            }
        }
        var logger = Logger(label: "portless.test.data-channel")
        logger.logLevel = .critical
        let app = Application(router: router, server: server, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            let bound = try #require(client.port)
            port.withLock { $0 = bound }
            let api = SSMClient(configuration: ClientConfiguration(
                endpoint: URL(string: "http://127.0.0.1:\(bound)")!, region: "us-east-1",
                credentials: AWSCredentials(accessKeyId: "AKIAEXAMPLE000000000", secretAccessKey: "secret", sessionToken: nil)))
            let stream = SessionStream(sessionId: sessionId, tokenValue: "token-0", streamURL: streamURL(port: bound))
            return try await body(api, stream, calls)
        }
    }

    static func streamURL(port: Int) -> String {
        "ws://127.0.0.1:\(port)/v1/data-channel/\(sessionId)?role=publish_subscribe"
    }

    /// What the client did to the server: connections opened and API calls made.
    final class Calls: Sendable {
        private let state = Mutex<(connections: Int, targets: [String])>((0, []))

        func connected() -> Int { state.withLock { $0.connections += 1; return $0.connections } }
        func resumed(target: String) -> Int { state.withLock { $0.targets.append(target); return $0.targets.count } }

        var connections: Int { state.withLock { $0.connections } }
        var targets: [String] { state.withLock { $0.targets } }
    }
}

/// The server's end of one scripted connection.
final class ScriptedPeer {
    private var messages: WebSocketInboundMessageStream.AsyncIterator
    let outbound: WebSocketOutboundWriter

    init(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) {
        self.messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
        self.outbound = outbound
    }

    /// The client's first (text) frame.
    func open() async throws -> OpenDataChannelInput {
        guard case .text(let text)? = try await messages.next() else { throw ScriptFailure("no opening text frame") }
        return try JSONDecoder().decode(OpenDataChannelInput.self, from: Data(text.utf8))
    }

    /// The client's next binary message, nil when it closed.
    func next() async throws -> DataChannelMessage? {
        guard let message = try await messages.next() else { return nil }
        guard case .binary(let buffer) = message else { throw ScriptFailure("a text frame after the first") }
        return try DataChannelMessage.decode(Data(buffer.readableBytesView))
    }

    /// The client's next input message, acknowledgements skipped.
    func nextInput() async throws -> DataChannelMessage {
        while let message = try await next() {
            if message.messageType == .inputStreamData { return message }
        }
        throw ScriptFailure("the client closed")
    }

    /// The client's next acknowledgement's sequence number, input skipped.
    func nextAcknowledgement() async throws -> Int64 {
        while let message = try await next() {
            if message.messageType == .acknowledge {
                return try JSONDecoder().decode(AcknowledgeContent.self, from: message.payload).AcknowledgedMessageSequenceNumber
            }
        }
        throw ScriptFailure("the client closed")
    }

    /// Sends a server message.
    func send(_ message: DataChannelMessage) async throws {
        try await outbound.write(.binary(ByteBuffer(bytes: message.encoded())))
    }

    /// Sends output message `sequence` with `payload`.
    func output(_ sequence: Int64, _ type: DataChannelPayloadType, _ payload: Data) async throws {
        try await send(DataChannelMessage(messageType: .outputStreamData, sequenceNumber: sequence, payloadType: type, payload: payload))
    }

    /// Sends output message `sequence` with a JSON payload.
    func output(_ sequence: Int64, _ type: DataChannelPayloadType, json value: some Encodable) async throws {
        try await output(sequence, type, try JSONEncoder().encode(value))
    }

    /// Acknowledges a client message.
    func acknowledge(_ message: DataChannelMessage) async throws {
        try await send(AcknowledgeContent.message(acknowledging: message))
    }

    /// The handshake as the Portless server runs it: request (seq 0), the client's response, complete (seq 1).
    /// Returns the client's response.
    func handshake(sessionType: String = "Standard_Stream", customerMessage: String = "") async throws -> HandshakeResponse {
        try await output(0, .handshakeRequest, json: HandshakeRequest(agentVersion: "3.3.0.0", actions: [
            RequestedClientAction(sessionType: sessionType, properties: [:]),
        ]))
        let response = try await nextInput()
        try await acknowledge(response)
        try await output(1, .handshakeComplete, json: HandshakeComplete(timeToComplete: .milliseconds(3), customerMessage: customerMessage))
        return try JSONDecoder().decode(HandshakeResponse.self, from: response.payload)
    }

    /// Ends the session as the server does.
    func closeChannel(output: String = "") async throws {
        try await send(ChannelClosedContent(sessionId: ScriptedDataChannelServer.sessionId, destinationId: "mi-0123456789abcdef0", output: output).message)
    }
}

struct ScriptFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
