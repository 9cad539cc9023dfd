import Foundation
@testable import PortlessCore
import Testing

@Suite("Password hashing")
struct PasswordHasherTests {
    @Test func hashVerifiesOnlyItsPassword() throws {
        let hasher = PasswordHasher()
        let stored = try hasher.hash("Correct-Horse-9")
        #expect(hasher.verify("Correct-Horse-9", against: stored))
        #expect(!hasher.verify("correct-horse-9", against: stored))
        #expect(!hasher.verify("", against: stored))
    }

    @Test func storedFormNamesSchemeRoundsAndSalt() throws {
        let stored = try PasswordHasher().hash("Correct-Horse-9")
        let parts = stored.split(separator: "$").map(String.init)
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha256")
        #expect(Int(parts[1]) ?? 0 >= 600_000)
        #expect(Data(base64Encoded: parts[2])?.count == 16)
        #expect(Data(base64Encoded: parts[3])?.count == 32)
        #expect(!stored.contains("Correct-Horse-9"))
    }

    @Test func saltsDiffer() throws {
        let hasher = PasswordHasher()
        #expect(try hasher.hash("Correct-Horse-9") != hasher.hash("Correct-Horse-9"))
    }

    @Test(arguments: ["", "pbkdf2-sha256$600000$AAAA", "md5$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA", "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
                      "pbkdf2-sha256$x$AAAAAAAAAAAAAAAAAAAAAA==$AAAA"])
    func malformedStoredFormsNeverVerify(stored: String) {
        #expect(!PasswordHasher().verify("anything", against: stored))
    }

    /// PBKDF2-HMAC-SHA256 itself, against the published vector for P="password", S="salt", c=4096, dkLen=32.
    @Test func pbkdf2MatchesKnownVector() throws {
        let derived = try PasswordHasher.derive("password", salt: Array("salt".utf8), rounds: 4096)
        #expect(derived.map { String(format: "%02x", $0) }.joined() == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
    }
}
