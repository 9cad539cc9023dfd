import Foundation
import NIOSSL

/// TLS for a `wss` StreamUrl, trusting the CA bundle the CLI's HTTPS calls trust.
enum DataChannelTLS {
    /// The TLS configuration (nil for `ws`) and the SNI name to send. TLS forbids an IP address as SNI
    /// name, so a server reached by address is sent a placeholder name; with a CA bundle the chain is
    /// then checked against that bundle alone and the name is not, without one it is checked as usual.
    static func settings(for url: String, caBundle: String?) -> (TLSConfiguration?, sniHostname: String?) {
        guard let components = URLComponents(string: url), components.scheme == "wss" || components.scheme == "https" else {
            return (nil, nil)
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caBundle { tls.trustRoots = .file(caBundle) }
        let host = components.host ?? ""
        let isAddress = host.contains(":") || (!host.isEmpty && host.split(separator: ".").allSatisfy { Int($0) != nil })
        guard isAddress else { return (tls, nil) }
        if caBundle != nil { tls.certificateVerification = .noHostnameVerification }
        return (tls, "localhost")
    }
}
