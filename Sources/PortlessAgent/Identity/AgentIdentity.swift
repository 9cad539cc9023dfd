import Crypto
import PortlessCore
public import Foundation

/// The node's identity in its state directory: the Ed25519 private key (`node.key`, mode 0600,
/// never sent anywhere) and the node ID the server gave it (`node.json`).
public struct AgentIdentity: Sendable {
    public let instanceId: String
    let privateKey: Curve25519.Signing.PrivateKey

    struct Stored: Codable { var instanceId: String; var server: String }

    /// The identity saved in `directory`, if the node has registered.
    public static func load(from directory: URL) throws -> AgentIdentity? {
        let file = directory.appendingPathComponent("node.json")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let stored = try JSONDecoder().decode(Stored.self, from: Data(contentsOf: file))
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Data(contentsOf: directory.appendingPathComponent("node.key")))
        return AgentIdentity(instanceId: stored.instanceId, privateKey: key)
    }

    /// The key pair for a registration in progress: reused if one was made before, else generated and saved.
    static func pendingKey(in directory: URL) throws -> Curve25519.Signing.PrivateKey {
        let file = directory.appendingPathComponent("node.key")
        if let data = try? Data(contentsOf: file) { return try Curve25519.Signing.PrivateKey(rawRepresentation: data) }
        let key = Curve25519.Signing.PrivateKey()
        try SecretFile.write(key.rawRepresentation, to: file)
        return key
    }

    /// Saves the node ID once registration succeeded.
    static func save(instanceId: String, server: String, key: Curve25519.Signing.PrivateKey, in directory: URL) throws -> AgentIdentity {
        let data = try JSONEncoder().encode(Stored(instanceId: instanceId, server: server))
        try SecretFile.write(data, to: directory.appendingPathComponent("node.json"))
        return AgentIdentity(instanceId: instanceId, privateKey: key)
    }

    /// Signs a login challenge.
    func sign(_ message: [UInt8]) throws -> Data { try privateKey.signature(for: message) }
}
