import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import PortlessCore

/// Chooses the listener: plain HTTP, or TLS with the configured or auto-made certificate.
enum ServerTLS {
    static func builder(for configuration: ServerConfiguration, base: HTTPServerBuilder, logger: Logger) throws -> HTTPServerBuilder {
        switch configuration.tls {
        case .none:
            if !configuration.isLoopback {
                logger.warning("serving plain HTTP on a non-loopback address (--insecure-http): credentials and commands cross the network unencrypted")
            }
            return base
        case .files, .auto:
            throw PortlessError(.validation, "TLS is not available in this build yet.", field: "--tls")
        }
    }
}
