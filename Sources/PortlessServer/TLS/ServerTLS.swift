import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import PortlessCore

/// Chooses the listener: plain HTTP, or TLS with the configured or auto-made certificate.
enum ServerTLS {
    static func builder(for configuration: ServerConfiguration, authority: CertificateAuthority?, base: HTTPServerBuilder,
                        logger: Logger) throws -> HTTPServerBuilder {
        switch configuration.tls {
        case .none:
            if !configuration.isLoopback {
                logger.warning("serving plain HTTP on a non-loopback address (--insecure-http): credentials and commands cross the network unencrypted")
            }
            return base
        case .files(let certificatePath, let keyPath):
            let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
            return try .tls(base, tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        case .auto:
            guard let authority else { throw PortlessError(.internalServerError, "TLS auto mode has no certificate authority.") }
            let issued = try authority.issueServerCertificate(hosts: hosts(for: configuration))
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(issued.certificatePEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(bytes: Array(issued.keyPEM.utf8), format: .pem)
            return try .tls(base, tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        }
    }

    /// The names the server certificate covers: the listen address (unless a wildcard), loopback and the host name.
    static func hosts(for configuration: ServerConfiguration) -> [String] {
        var hosts = ["localhost", "127.0.0.1", "::1", ProcessInfo.processInfo.hostName]
        if !["0.0.0.0", "::", ""].contains(configuration.host) { hosts.insert(configuration.host, at: 0) }
        return hosts
    }
}
