import ArgumentParser
import Foundation
import PortlessBundles
import PortlessServer

/// The flags that start a server, shared by `server` and `quickstart`.
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Directory for the database, keys and credentials.")
    var dataDirectory: String = ProcessInfo.processInfo.environment["PORTLESS_DATA_DIR"] ?? ".portless"

    @Option(help: "Address to listen on, HOST:PORT (port 0 picks a free one).")
    var listen: ListenAddress = ListenAddress(argument: ProcessInfo.processInfo.environment["PORTLESS_LISTEN"] ?? "127.0.0.1:8580")
        ?? ListenAddress(argument: "127.0.0.1:8580")!

    @Option(help: "The AWS region this server serves.")
    var region: String = ProcessInfo.processInfo.environment["PORTLESS_REGION"] ?? "us-east-1"

    @Option(help: "TLS mode: 'auto' makes a CA on first start.")
    var tls: String?

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain for HTTPS.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key for HTTPS.")
    var tlsKey: String?

    @Flag(name: .customLong("insecure-http"), help: "Allow plain HTTP on a non-loopback address (warned about).")
    var insecureHTTP = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    @Option(name: .customLong("bundle"), help: "The check bundle scans use until an account pushes one (default: the one shipped).")
    var bundleDirectory: String?

    @Option(name: .customLong("audit-digest-interval"), help: "Seconds between signed audit digests (default: an hour).")
    var auditDigestInterval: Double = Double(ProcessInfo.processInfo.environment["PORTLESS_AUDIT_DIGEST_INTERVAL"] ?? "") ?? 3600

    @Option(name: .customLong("trail-delivery-interval"), help: "Seconds between deliveries of CloudTrail trails' log files (default: 300).")
    var trailDeliveryInterval: Double = Double(ProcessInfo.processInfo.environment["PORTLESS_TRAIL_DELIVERY_INTERVAL"] ?? "") ?? 300

    func configuration() throws -> ServerConfiguration {
        guard auditDigestInterval > 0, trailDeliveryInterval > 0 else {
            throw ValidationError("--audit-digest-interval and --trail-delivery-interval must be positive numbers of seconds.")
        }
        let mode: ServerConfiguration.TLSMode
        switch (tls, tlsCertificate, tlsKey) {
        case ("auto"?, nil, nil): mode = .auto
        case (nil, let certificate?, let key?): mode = .files(certificate: certificate, key: key)
        case (nil, nil, nil): mode = .none
        default: throw ValidationError("Use either --tls auto or both --tls-cert and --tls-key.")
        }
        let directory = URL(fileURLWithPath: dataDirectory).standardizedFileURL
        return ServerConfiguration(dataDirectory: directory, host: listen.host, port: listen.port, region: region,
                                   tls: mode, insecureHTTP: insecureHTTP,
                                   bundleDirectory: bundleDirectory == nil ? try? BundleLocator().locate(explicit: nil)
                                                                            : try BundleLocator().locate(explicit: bundleDirectory),
                                   auditDigestInterval: auditDigestInterval, trailDeliveryInterval: trailDeliveryInterval)
    }
}
