public import Crypto
public import Foundation
import PortlessCore

/// The server's sealing key: secrets (access-key secrets, KMS key material) are stored encrypted under it.
///
/// Kept as 32 random bytes in `DATA_DIR/keyring` with mode 0600, created on first start.
public struct Keyring: Sendable {
    private let key: SymmetricKey

    public init(key: SymmetricKey) { self.key = key }

    /// Loads the keyring file in `directory`, creating it on first start.
    public static func loadOrCreate(in directory: URL) throws -> Keyring {
        let url = directory.appendingPathComponent("keyring")
        if let data = try? Data(contentsOf: url) {
            guard data.count == 32 else {
                throw PortlessError(.internalServerError, "Keyring file \(url.path) is damaged (expected 32 bytes).")
            }
            return Keyring(key: SymmetricKey(data: data))
        }
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        try SecretFile.write(data, to: url)
        return Keyring(key: key)
    }

    /// Encrypts `plaintext` with AES-GCM; the result holds nonce, ciphertext and tag.
    public func seal(_ plaintext: String) throws -> Data {
        try seal(bytes: Data(plaintext.utf8))
    }

    /// Decrypts what `seal` produced.
    public func open(_ sealed: Data) throws -> String {
        String(decoding: try open(bytes: sealed), as: UTF8.self)
    }

    /// Encrypts bytes (KMS key material) with AES-GCM; the result holds nonce, ciphertext and tag.
    public func seal(bytes plaintext: Data) throws -> Data {
        guard let combined = try AES.GCM.seal(plaintext, using: key).combined else {
            throw PortlessError(.internalServerError, "Sealing failed.")
        }
        return combined
    }

    /// Decrypts what `seal(bytes:)` produced.
    public func open(bytes sealed: Data) throws -> Data {
        try AES.GCM.open(try AES.GCM.SealedBox(combined: sealed), using: key)
    }
}
