public import Foundation
import PortlessCore

/// How `portless agent` is run. Its description never shows the activation code.
public struct AgentConfiguration: Sendable, CustomStringConvertible {
    public var server: URL
    public var stateDirectory: URL
    public var activationId: String?
    public var activationCode: String?
    /// `sha256:HEX` of the server's CA certificate, to pin when the server uses `--tls auto`.
    public var fingerprint: String?

    public init(server: URL, stateDirectory: URL, activationId: String? = nil, activationCode: String? = nil, fingerprint: String? = nil) {
        self.server = server
        self.stateDirectory = stateDirectory
        self.activationId = activationId
        self.activationCode = activationCode
        self.fingerprint = fingerprint
    }

    public var description: String {
        "AgentConfiguration(server: \(server), stateDirectory: \(stateDirectory.path), activationId: \(activationId ?? "-"))"
    }

    /// The control channel's WebSocket URL.
    var channelURL: String { webSocketURL(path: "/agent/v1/channel") }

    /// The URL of a session's leg: the control channel's scheme, host and port, at `SessionLeg.path`.
    var sessionURL: String { webSocketURL(path: SessionLeg.path) }

    private func webSocketURL(path: String) -> String {
        var components = URLComponents(url: server, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.scheme = server.scheme == "https" ? "wss" : "ws"
        components.path = path
        return components.string ?? server.absoluteString
    }
}
