import Foundation
import NIOSSL
import PortlessCore

/// The agent's TLS settings for an `https` server.
enum AgentTLS {
    static func configuration(for configuration: AgentConfiguration) throws -> TLSConfiguration? {
        guard configuration.server.scheme == "https" else { return nil }
        return TLSConfiguration.makeClientConfiguration()
    }
}
