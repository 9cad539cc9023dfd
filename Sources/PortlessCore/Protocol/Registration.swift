/// The body an agent posts to `/agent/v1/register` on its first run.
public struct RegistrationRequest: Sendable, Codable {
    public var activationId: String
    public var activationCode: String
    /// The node's Ed25519 public key, raw bytes in base64.
    public var publicKey: String
    public var info: NodeInfo

    public init(activationId: String, activationCode: String, publicKey: String, info: NodeInfo) {
        self.activationId = activationId
        self.activationCode = activationCode
        self.publicKey = publicKey
        self.info = info
    }
}

/// The server's answer to a registration: the node's ID.
public struct RegistrationResponse: Sendable, Codable {
    public var instanceId: String
    public init(instanceId: String) { self.instanceId = instanceId }
}

/// The bytes an agent signs to prove its identity on the control channel.
public enum LoginProof {
    public static func message(nonce: String, instanceId: String) -> [UInt8] {
        Array("portless-agent-login/v1\n\(nonce)\n\(instanceId)".utf8)
    }
}
