public import Crypto
public import Foundation

/// A signed seal over the entries appended since the previous digest, in the spirit of CloudTrail's
/// digest files: the range it covers, the chain hash at its end, and the hash and signature of the
/// digest before it, signed with the server's Ed25519 audit key.
///
/// The signature covers ``signingString`` — the fields, one a line, in a fixed order — so the file's JSON
/// layout may change without breaking it, while any field's change does.
public struct AuditDigest: Sendable, Codable, Hashable {
    public static let algorithm = "Ed25519"

    /// Digests are numbered from 1, without gaps.
    public var digestNumber: Int
    public var digestStartTime: String
    public var digestEndTime: String
    public var firstSequence: Int
    public var lastSequence: Int
    public var recordCount: Int
    /// The hash of the entry at `firstSequence` and at `lastSequence` (the chain hash).
    public var firstRecordHash: String
    public var lastRecordHash: String
    /// The previous digest's ``digestHash`` and signature (empty for digest 1).
    public var previousDigestHash: String
    public var previousDigestSignature: String
    /// SHA-256 (hex) of the raw public key that signs.
    public var publicKeyFingerprint: String
    public var digestSignatureAlgorithm: String = Self.algorithm
    /// Base64 Ed25519 signature of ``signingString``.
    public var signature: String

    public init(digestNumber: Int, start: Date, end: Date, first: AuditEntry, last: AuditEntry, previous: AuditDigest?,
                key: Curve25519.Signing.PrivateKey) throws {
        self.digestNumber = digestNumber
        self.digestStartTime = AuditRecord.timestamp(start)
        self.digestEndTime = AuditRecord.timestamp(end)
        self.firstSequence = first.sequence
        self.lastSequence = last.sequence
        self.recordCount = last.sequence - first.sequence + 1
        self.firstRecordHash = first.hash
        self.lastRecordHash = last.hash
        self.previousDigestHash = previous?.digestHash ?? ""
        self.previousDigestSignature = previous?.signature ?? ""
        self.publicKeyFingerprint = Self.fingerprint(key.publicKey)
        self.signature = ""
        self.signature = try key.signature(for: Data(signingString.utf8)).base64EncodedString()
    }

    /// What the signature covers.
    public var signingString: String {
        ["\(digestNumber)", digestStartTime, digestEndTime, "\(firstSequence)", "\(lastSequence)", "\(recordCount)", firstRecordHash,
         lastRecordHash, previousDigestHash, previousDigestSignature, publicKeyFingerprint, digestSignatureAlgorithm].joined(separator: "\n")
    }

    /// The digest's own hash, which the next digest carries.
    public var digestHash: String { SigV4.hexSHA256(Array(signingString.utf8)) }

    /// Whether `key` made the signature over this digest's fields.
    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        guard let bytes = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(bytes, for: Data(signingString.utf8))
    }

    /// SHA-256 (hex) of `key`'s raw bytes.
    public static func fingerprint(_ key: Curve25519.Signing.PublicKey) -> String {
        SigV4.hexSHA256(Array(key.rawRepresentation))
    }

    /// The digest as the pretty JSON of its file.
    public func fileData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
