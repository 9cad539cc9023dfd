import Foundation
import Logging
import NIOSSL
import NIOWebSocket
import PortlessClient
import PortlessCore
import Synchronization
import WSClient

/// Short exchanges on the control channel that end after one answer: learning the server's CA
/// (before it can be verified) and first-run registration.
enum ChannelExchange {
    /// Reads the CA certificate the server offers with its challenge, over an unverified TLS
    /// connection; the caller checks it against the pinned fingerprint before trusting it.
    static func discoverCA(url: String, logger: Logger) async throws -> String {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        let offered = Mutex<String?>(nil)
        try await WebSocketClient.connect(url: url, configuration: AgentTLS.webSocketConfiguration(for: url, autoPing: false), tlsConfiguration: tls, logger: logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            if case .text(let text)? = try await messages.next(), let challenge = try? AgentMessage.decode(text) {
                offered.withLock { $0 = challenge.caCertificate }
            }
            try await outbound.close(.normalClosure, reason: "discovered")
        }
        guard let pem = offered.withLock({ $0 }) else {
            throw ClientError.configuration("The server offered no CA certificate to pin; is it running with --tls auto?")
        }
        return pem
    }

    /// Registers this node: answers the challenge with `register` and returns the node ID the server gives.
    static func register(url: String, tls: TLSConfiguration?, request: RegistrationRequest, logger: Logger) async throws -> String {
        let answer = Mutex<AgentMessage?>(nil)
        try await WebSocketClient.connect(url: url, configuration: AgentTLS.webSocketConfiguration(for: url, autoPing: false), tlsConfiguration: tls, logger: logger) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            guard case .text(let text)? = try await messages.next(), (try? AgentMessage.decode(text))?.type == .challenge else {
                throw ClientFailure("server did not send a challenge")
            }
            try await outbound.write(.text(try AgentMessage(type: .register, registration: request).encoded()))
            if case .text(let reply)? = try await messages.next() {
                answer.withLock { $0 = try? AgentMessage.decode(reply) }
            }
        }
        switch answer.withLock({ $0 }) {
        case let reply? where reply.type == .registered:
            guard let instanceId = reply.instanceId else { throw ClientFailure("registration reply without a node ID") }
            return instanceId
        case let reply? where reply.type == .error:
            throw ClientError.service(code: reply.errorCode ?? "RegistrationRefused", message: reply.errorMessage ?? "refused", status: 400)
        default:
            throw ClientFailure("the server closed the channel without answering the registration")
        }
    }
}
