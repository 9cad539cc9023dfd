public import Foundation

/// The ciphertext blob KMS hands out, self-describing so that Decrypt needs no `KeyId`:
///
/// `"PKMS"` · format version (1 byte, 1) · key ID (36 ASCII bytes) · material version (UInt32, big-endian) ·
/// nonce (12) · tag (16) · ciphertext. The header up to the material version is authenticated with the
/// encryption context as AES-GCM additional data, so neither can be changed without Decrypt failing.
public struct KMSCiphertext: Sendable, Hashable {
    static let magic: [UInt8] = Array("PKMS".utf8)
    static let formatVersion: UInt8 = 1
    static let headerSize = 4 + 1 + 36 + 4
    public static let nonceSize = 12
    public static let tagSize = 16

    public var keyId: String
    public var materialVersion: UInt32
    public var nonce: Data
    public var tag: Data
    public var ciphertext: Data

    public init(keyId: String, materialVersion: UInt32, nonce: Data, tag: Data, ciphertext: Data) {
        self.keyId = keyId
        self.materialVersion = materialVersion
        self.nonce = nonce
        self.tag = tag
        self.ciphertext = ciphertext
    }

    /// Reads a blob; anything not in this format is `InvalidCiphertextException`.
    public init(blob: Data) throws {
        let bytes = [UInt8](blob)
        guard bytes.count >= Self.headerSize + Self.nonceSize + Self.tagSize, Array(bytes[0..<4]) == Self.magic,
              bytes[4] == Self.formatVersion,
              let keyId = String(bytes: bytes[5..<41], encoding: .ascii), Identifiers.isUUID(keyId) else {
            throw KMSErrors.invalidCiphertext
        }
        self.keyId = keyId
        materialVersion = bytes[41..<45].reduce(0) { $0 << 8 | UInt32($1) }
        var cursor = Self.headerSize
        nonce = Data(bytes[cursor..<cursor + Self.nonceSize])
        cursor += Self.nonceSize
        tag = Data(bytes[cursor..<cursor + Self.tagSize])
        cursor += Self.tagSize
        ciphertext = Data(bytes[cursor...])
    }

    /// The header: magic, format version, key ID and material version.
    public var header: Data { Self.header(keyId: keyId, materialVersion: materialVersion) }

    static func header(keyId: String, materialVersion: UInt32) -> Data {
        var data = Data(magic)
        data.append(formatVersion)
        data.append(contentsOf: Array(keyId.utf8))
        data.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: materialVersion >> $0) })
        return data
    }

    /// The blob as sent.
    public var blob: Data { header + nonce + tag + ciphertext }
}
