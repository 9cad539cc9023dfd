import Crypto
import Foundation
import PortlessCore

/// The Ed25519 key that signs audit digests: kept in the data directory sealed under the server's
/// keyring (`audit-signing-key`, mode 0600), made on first start; its public half is published in
/// `audit/public-key` at every start.
enum AuditSigningKey {
    static func loadOrCreate(dataDirectory: URL, keyring: Keyring, publishTo directory: AuditDirectory) throws -> Curve25519.Signing.PrivateKey {
        try directory.create()
        let url = dataDirectory.appendingPathComponent("audit-signing-key")
        let key: Curve25519.Signing.PrivateKey
        if let sealed = try? Data(contentsOf: url) {
            guard let raw = Data(base64Encoded: try keyring.open(sealed)) else {
                throw PortlessError(.internalServerError, "Audit signing key \(url.path) is damaged.")
            }
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        } else {
            key = Curve25519.Signing.PrivateKey()
            try SecretFile.write(try keyring.seal(key.rawRepresentation.base64EncodedString()), to: url)
        }
        try Data((key.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8).write(to: directory.publicKeyFile, options: .atomic)
        return key
    }
}
