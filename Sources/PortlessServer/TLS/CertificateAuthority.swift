import Crypto
public import Foundation
import PortlessCore
import SwiftASN1
import X509

/// The CA `--tls auto` makes on first start (kept in `DATA_DIR/tls/`), and the server certificate
/// it signs anew at each start for the addresses the server answers on.
public struct CertificateAuthority: Sendable {
    /// PEM of the CA certificate; agents pin it by its fingerprint.
    public let certificatePEM: String
    /// `sha256:` and the hex SHA-256 of the CA certificate's DER encoding.
    public let fingerprint: String
    let certificate: Certificate
    let key: P256.Signing.PrivateKey

    static let lifetime: TimeInterval = 10 * 365 * 24 * 3600
    static let serverLifetime: TimeInterval = 397 * 24 * 3600

    /// Loads the CA from `directory`, creating it (key file mode 0600) on first start.
    public static func loadOrCreate(in directory: URL) throws -> CertificateAuthority {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let certificateFile = directory.appendingPathComponent("ca.pem")
        let keyFile = directory.appendingPathComponent("ca-key.pem")
        if let certificatePEM = try? String(contentsOf: certificateFile, encoding: .utf8),
           let keyPEM = try? String(contentsOf: keyFile, encoding: .utf8) {
            return try CertificateAuthority(certificate: Certificate(pemEncoded: certificatePEM),
                                            key: P256.Signing.PrivateKey(pemRepresentation: keyPEM))
        }
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("Portless")
            CommonName("Portless CA \(Identifiers.uuid().prefix(8))")
        }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(lifetime),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(key))
        try SecretFile.write(Data(key.pemRepresentation.utf8), to: keyFile)
        try Data(try certificate.serializeAsPEM().pemString.utf8).write(to: certificateFile)
        return try CertificateAuthority(certificate: certificate, key: key)
    }

    init(certificate: Certificate, key: P256.Signing.PrivateKey) throws {
        self.certificate = certificate
        self.key = key
        self.certificatePEM = try certificate.serializeAsPEM().pemString
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        self.fingerprint = "sha256:" + SigV4.hexSHA256(serializer.serializedBytes)
    }

    /// A server certificate and key (PEM) for `hosts` (DNS names or IP addresses).
    func issueServerCertificate(hosts: [String]) throws -> (certificatePEM: String, keyPEM: String) {
        let serverKey = P256.Signing.PrivateKey()
        let names: [GeneralName] = Set(hosts).sorted().map { host in
            if let bytes = IPAddressBytes.parse(host) { return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes))) }
            return .dnsName(host)
        }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(serverKey.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(Self.serverLifetime),
            issuer: certificate.subject, subject: try DistinguishedName { CommonName(hosts.first ?? "portless") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: .init(key))
        return (try certificate.serializeAsPEM().pemString + "\n" + certificatePEM + "\n", serverKey.pemRepresentation)
    }
}
