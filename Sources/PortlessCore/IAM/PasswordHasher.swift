public import Foundation
import Crypto
import CryptoExtras

/// Console passwords, kept only as a slow salted hash: PBKDF2-HMAC-SHA256 with a 16-byte random salt.
///
/// The stored form is `pbkdf2-sha256$ROUNDS$SALT$HASH` (salt and hash in base64), so the round count can
/// be raised later without invalidating older hashes.
public struct PasswordHasher: Sendable {
    public static let defaultRounds = 600_000
    static let scheme = "pbkdf2-sha256"

    public let rounds: Int

    public init(rounds: Int = Self.defaultRounds) { self.rounds = rounds }

    /// A new hash of `password` with a fresh salt.
    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let derived = try Self.derive(password, salt: salt, rounds: rounds)
        return "\(Self.scheme)$\(rounds)$\(Data(salt).base64EncodedString())$\(derived.base64EncodedString())"
    }

    /// Whether `password` matches `stored` (compared in constant time); false for a malformed `stored`.
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == Self.scheme, let rounds = Int(parts[1]), rounds >= 210_000,
              let salt = Data(base64Encoded: parts[2]), let derived = try? Self.derive(password, salt: Array(salt), rounds: rounds)
        else { return false }
        return ConstantTime.equals(derived.base64EncodedString(), parts[3])
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }
}
