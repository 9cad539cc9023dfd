import Foundation
@testable import PortlessCore
import Testing

// RFC 6238 (TOTP) and RFC 4226 (HOTP) test vectors, RFC 4648 Base32 vectors.

@Suite("TOTP and Base32")
struct TOTPTests {
    static let rfcSecret = Array("12345678901234567890".utf8)

    /// RFC 6238 appendix B, SHA-1 column (8 digits).
    @Test(arguments: [
        (59.0, "94287082"), (1_111_111_109.0, "07081804"), (1_111_111_111.0, "14050471"),
        (1_234_567_890.0, "89005924"), (2_000_000_000.0, "69279037"), (20_000_000_000.0, "65353130"),
    ])
    func rfc6238Vectors(time: Double, code: String) {
        #expect(TOTP(secret: Self.rfcSecret, digits: 8).code(at: Date(timeIntervalSince1970: time)) == code)
    }

    /// RFC 4226 appendix D: the 6-digit HOTP values of counters 0–9 (TOTP's step is the counter).
    @Test func rfc4226Vectors() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        let totp = TOTP(secret: Self.rfcSecret)
        #expect((0..<10).map { totp.code(step: Int64($0)) } == expected)
    }

    @Test func stepsAreThirtySeconds() {
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 59)) == 1)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 60)) == 2)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 0)) == 0)
    }

    @Test func provisioningURICarriesTheBase32Secret() {
        let uri = TOTP.provisioningURI(secret: Self.rfcSecret, issuer: "Portless", account: "alice@123456789012")
        #expect(uri.hasPrefix("otpauth://totp/Portless:alice@123456789012?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Portless"))
    }

    /// RFC 4648 section 10.
    @Test(arguments: [("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
                      ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======")])
    func base32Vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8), padding: true) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(encoded.lowercased().replacingOccurrences(of: "=", with: "")) == Array(plain.utf8))
    }

    @Test(arguments: ["MZXW1", "MZ XW", "MZXW6!"])
    func base32RefusesOtherCharacters(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test func base32RoundTripsRandomBytes() {
        for length in 0..<41 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255) }
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
        }
    }
}
