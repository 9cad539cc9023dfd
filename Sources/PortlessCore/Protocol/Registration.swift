/// What an agent presents on its first run (in a `register` message on the control channel).
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

/// The bytes an agent signs to prove its identity on the control channel.
public enum LoginProof {
    public static func message(nonce: String, instanceId: String) -> [UInt8] {
        Array("portless-agent-login/v1\n\(nonce)\n\(instanceId)".utf8)
    }
}
