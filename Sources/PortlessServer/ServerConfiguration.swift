public import Foundation

/// How `portless server` is run.
public struct ServerConfiguration: Sendable {
    /// How the listener is secured.
    public enum TLSMode: Sendable, Equatable {
        /// Plain HTTP: allowed on loopback, elsewhere only with `insecureHTTP`.
        case none
        /// A certificate chain and key in PEM files.
        case files(certificate: String, key: String)
        /// A CA made on first start under the data directory, and a server certificate it signs.
        case auto
    }

    public var dataDirectory: URL
    public var host: String
    public var port: Int
    public var region: String
    public var tls: TLSMode
    public var insecureHTTP: Bool
    /// The check bundle scans use until an account pushes its own (nil: scans need a pushed bundle).
    public var bundleDirectory: URL?
    /// Seconds between audit digests (an hour unless shortened, e.g. for tests).
    public var auditDigestInterval: TimeInterval
    /// Seconds between deliveries of trails' log files (five minutes unless shortened).
    public var trailDeliveryInterval: TimeInterval

    public init(dataDirectory: URL, host: String, port: Int, region: String = "us-east-1",
                tls: TLSMode = .none, insecureHTTP: Bool = false, bundleDirectory: URL? = nil, auditDigestInterval: TimeInterval = 3600,
                trailDeliveryInterval: TimeInterval = 300) {
        self.auditDigestInterval = auditDigestInterval
        self.trailDeliveryInterval = trailDeliveryInterval
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.region = region
        self.tls = tls
        self.insecureHTTP = insecureHTTP
        self.bundleDirectory = bundleDirectory
    }

    /// Whether `host` is a loopback address or name.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public var scheme: String { tls == .none ? "http" : "https" }
}
