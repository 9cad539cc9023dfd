import Crypto
import Foundation
import Logging
import NIOSSL
import PortlessClient
import PortlessCore
import WSClient

/// The agent's TLS settings. Plain `http` servers get none; `https` without a pin uses the system's
/// trust store; with `--fingerprint sha256:HEX` the agent trusts only the server CA whose
/// certificate has that SHA-256, learning the certificate once from the server and keeping it in
/// its state directory (`server-ca.pem`), where later runs find the pin again.
enum AgentTLS {
    /// The file in the state directory that keeps the pinned CA certificate.
    static let pinnedCAFileName = "server-ca.pem"

    static func configuration(for configuration: AgentConfiguration, logger: Logger) async throws -> TLSConfiguration? {
        guard configuration.server.scheme == "https" else { return nil }
        let file = configuration.stateDirectory.appendingPathComponent(pinnedCAFileName)
        let saved = try? String(contentsOf: file, encoding: .utf8)
        let pem: String
        switch (configuration.fingerprint?.lowercased(), saved) {
        case (nil, nil):
            return .makeClientConfiguration()
        case (nil, let saved?):
            // Pinned at registration; later runs keep the pin without repeating the flag.
            pem = saved
        case (let pin?, let saved) where saved.map({ (try? fingerprint(of: $0)) == pin }) == true:
            pem = saved ?? ""
        case (let pin?, _):
            let offered = try await ChannelExchange.discoverCA(url: configuration.channelURL, logger: logger)
            guard try fingerprint(of: offered) == pin else {
                throw ClientError.configuration("The server's CA certificate does not match --fingerprint \(pin); refusing to connect.")
            }
            try Data(offered.utf8).write(to: file)
            pem = offered
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
        // The pinned CA is the only trust anchor; agents may dial the server by any of its addresses.
        tls.certificateVerification = .noHostnameVerification
        return tls
    }

    /// The WebSocket settings for the channel. TLS forbids an IP address as SNI name, so a server
    /// dialled by address is sent a placeholder name (the pinned CA, not the name, is what is checked).
    static func webSocketConfiguration(for url: String, autoPing: Bool) -> WebSocketClientConfiguration {
        WebSocketClientConfiguration(maxFrameSize: 1 << 20, autoPing: autoPing ? .enabled(timePeriod: .seconds(15)) : .disabled,
                                     sniHostname: sniHostname(for: url))
    }

    /// The TLS server name to send for `url`: nil (its host) for a name, a placeholder for an address.
    static func sniHostname(for url: String) -> String? {
        let host = URLComponents(string: url)?.host ?? ""
        let isAddress = host.contains(":") || host.split(separator: ".").allSatisfy { Int($0) != nil }
        return isAddress ? "localhost" : nil
    }

    /// `sha256:` and the hex SHA-256 of the first certificate's DER encoding in `pem`.
    static func fingerprint(of pem: String) throws -> String {
        guard let certificate = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)).first else {
            throw ClientError.configuration("No certificate in the server's CA PEM.")
        }
        return "sha256:" + SigV4.hexSHA256(try certificate.toDERBytes())
    }
}
