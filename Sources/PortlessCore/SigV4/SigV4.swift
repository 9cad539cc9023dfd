public import Crypto
public import Foundation

/// AWS Signature Version 4: canonical requests, strings to sign, signing keys and signatures.
///
/// Pure functions only; the verifier (server) and the signer (client) share them.
public enum SigV4 {
    /// The only algorithm SigV4 names: `AWS4-HMAC-SHA256`.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The last part of every credential scope: `aws4_request`.
    public static let terminator = "aws4_request"
    /// The payload hash S3 presigned URLs (and unsigned uploads) use.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// Hex SHA-256 of the empty string.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The string to sign:
    /// `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256 of canonical request>`.
    public static func stringToSign(amzDate: String, scope: SigV4Scope, canonicalRequest: String) -> String {
        "\(algorithm)\n\(amzDate)\n\(scope.string)\n\(hexSHA256(Array(canonicalRequest.utf8)))"
    }

    /// The signing key: HMAC-SHA256 chain `"AWS4"+secret` → date → region → service → `aws4_request`.
    public static func signingKey(secret: String, scope: SigV4Scope) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(secret)".utf8))
        for part in [scope.date, scope.region, scope.service, terminator] {
            let mac = HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)
            key = SymmetricKey(data: Array(mac))
        }
        return key
    }

    /// Lower-case hex signature of the string to sign built from `amzDate`, `scope` and `canonicalRequest`.
    public static func signature(secret: String, amzDate: String, scope: SigV4Scope, canonicalRequest: String) -> String {
        let toSign = stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonicalRequest)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array(toSign.utf8),
            using: signingKey(secret: secret, scope: scope)
        )
        return hex(mac)
    }

    /// Lower-case hex SHA-256 of `data` (used for payload hashes).
    public static func hexSHA256<D: DataProtocol>(_ data: D) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lower-case hex of a byte sequence.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
