public import Foundation

/// One JSON message on the agent control channel.
///
/// Every message has a `type` and an `id`; messages that carry state are acknowledged with `ack`
/// naming their `id`, and handling one twice is harmless.
public struct AgentMessage: Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// server → agent: a nonce to sign (and the server's CA certificate, for pinning).
        case challenge
        /// agent → server: first run: activation, public key and node facts.
        case register
        /// server → agent: the registration succeeded; `instanceId` is the node's ID.
        case registered
        /// server → agent: the request was refused (`errorCode`, `errorMessage`); the channel closes.
        case error
        /// agent → server: node ID, signature and node facts.
        case login
        /// server → agent: the login was accepted; `region` is the server's region.
        case welcome
        /// server → agent: run an invocation.
        case run
        /// agent → server: an invocation started.
        case started
        /// agent → server: an invocation finished (or could not run).
        case result
        /// server → agent: cancel an invocation.
        case cancel
        /// either way: a message with `ackId` was handled.
        case ack
        /// either way: the sender is alive.
        case heartbeat
        /// server → agent: temporary credentials of the node's role session for the scripts it runs (`credentials`).
        case credentials
        /// server → agent: open a session (`session`): dial the session leg and serve it.
        case openSession
        /// server → agent: end a session (`sessionId`) at once, whatever it runs.
        case terminateSession
    }

    public var type: Kind
    public var id: String
    public var ackId: String?
    public var nonce: String?
    public var instanceId: String?
    public var signature: String?
    public var info: NodeInfo?
    public var order: InvocationOrder?
    public var commandId: String?
    public var report: InvocationReport?
    public var sentAt: Date?
    public var registration: RegistrationRequest?
    public var caCertificate: String?
    public var errorCode: String?
    public var errorMessage: String?
    public var region: String?
    public var credentials: RoleCredentials?
    public var session: SessionOrder?
    public var sessionId: String?

    public init(type: Kind, id: String = Identifiers.uuid(), ackId: String? = nil, nonce: String? = nil,
                instanceId: String? = nil, signature: String? = nil, info: NodeInfo? = nil,
                order: InvocationOrder? = nil, commandId: String? = nil, report: InvocationReport? = nil,
                sentAt: Date? = nil, registration: RegistrationRequest? = nil, caCertificate: String? = nil,
                errorCode: String? = nil, errorMessage: String? = nil, region: String? = nil, credentials: RoleCredentials? = nil,
                session: SessionOrder? = nil, sessionId: String? = nil) {
        self.type = type
        self.id = id
        self.ackId = ackId
        self.nonce = nonce
        self.instanceId = instanceId
        self.signature = signature
        self.info = info
        self.order = order
        self.commandId = commandId
        self.report = report
        self.sentAt = sentAt
        self.registration = registration
        self.caCertificate = caCertificate
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.region = region
        self.credentials = credentials
        self.session = session
        self.sessionId = sessionId
    }

    /// Encodes the message as one JSON text frame.
    public func encoded() throws -> String {
        String(decoding: try WireCoding.encoder().encode(self), as: UTF8.self)
    }

    /// Decodes one JSON text frame.
    public static func decode(_ text: String) throws -> AgentMessage {
        try WireCoding.decode(AgentMessage.self, from: Data(text.utf8))
    }
}
