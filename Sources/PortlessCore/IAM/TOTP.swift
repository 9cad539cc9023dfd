public import Foundation
import Crypto

/// Time-based one-time passwords (RFC 6238) as virtual MFA devices use them: HMAC-SHA1 over the number
/// of 30-second steps since the epoch, truncated (RFC 4226) to 6 digits.
public struct TOTP: Sendable {
    public static let period: Int64 = 30
    public let secret: [UInt8]
    public let digits: Int

    public init(secret: [UInt8], digits: Int = 6) {
        self.secret = secret
        self.digits = digits
    }

    /// The time step `date` falls in.
    public static func step(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down)) }

    /// The code of time step `step`, zero-padded to `digits`.
    public func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The code at `date`.
    public func code(at date: Date) -> String { code(step: Self.step(at: date)) }

    /// The `otpauth://totp/…` URI authenticator apps read (usually from a QR code).
    public static func provisioningURI(secret: [UInt8], issuer: String, account: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~@"))
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(Base32.encode(secret))&issuer=\(encode(issuer))&algorithm=SHA1&digits=6&period=30"
    }
}
