public import Crypto
public import Foundation

/// Encrypts and decrypts under one version of a key's material with AES-256-GCM, binding the blob's header and
/// the encryption context as additional authenticated data.
public enum KMSCipher {
    /// At most this many plaintext bytes per Encrypt.
    public static let maxPlaintext = 4096

    public static func encrypt(_ plaintext: Data, keyId: String, materialVersion: UInt32, material: SymmetricKey,
                               context: [String: String]) throws -> KMSCiphertext {
        let header = KMSCiphertext.header(keyId: keyId, materialVersion: materialVersion)
        let box = try AES.GCM.seal(plaintext, using: material, authenticating: header + canonical(context))
        return KMSCiphertext(keyId: keyId, materialVersion: materialVersion, nonce: Data(box.nonce), tag: box.tag, ciphertext: box.ciphertext)
    }

    /// The plaintext, or `InvalidCiphertextException` when the blob, the material or the context do not match.
    public static func decrypt(_ ciphertext: KMSCiphertext, material: SymmetricKey, context: [String: String]) throws -> Data {
        do {
            let box = try AES.GCM.SealedBox(nonce: try AES.GCM.Nonce(data: ciphertext.nonce), ciphertext: ciphertext.ciphertext, tag: ciphertext.tag)
            return try AES.GCM.open(box, using: material, authenticating: ciphertext.header + canonical(context))
        } catch {
            throw KMSErrors.invalidCiphertext
        }
    }

    /// The context as bytes independent of order: each pair sorted by key, every string length-prefixed.
    static func canonical(_ context: [String: String]) -> Data {
        var data = Data()
        for (key, value) in context.sorted(by: { $0.key < $1.key }) {
            for text in [key, value] {
                let bytes = Array(text.utf8)
                data.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: UInt32(bytes.count) >> $0) })
                data.append(contentsOf: bytes)
            }
        }
        return data
    }
}
