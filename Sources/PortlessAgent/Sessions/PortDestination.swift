import Foundation
import PortlessCore
import Synchronization

/// Where a port session connects (`host`, default `localhost`, and `port`), and what it reports
/// about each connection as `connection` controls.
struct PortDestination: Sendable {
    static let defaultHost = "localhost"

    let host: String
    let port: Int

    init(_ order: SessionOrder) throws {
        guard let port = order.port, (1...65_535).contains(port) else { throw SessionFailure("Unable to start port session: no valid port given") }
        host = order.host.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultHost
        self.port = port
    }

    /// `host:port`, as reported.
    var description: String { "\(host):\(port)" }

    /// A `connection` control for stream `streamId` (0 for the one connection of a raw session).
    func report(_ event: SessionLegControl.ConnectionEvent, streamId: UInt32, tally: ConnectionTally? = nil,
                message: String? = nil) -> SessionLegControl {
        SessionLegControl(type: .connection, event: event, streamId: streamId, destination: description,
                          bytesIn: tally?.bytesIn, bytesOut: tally?.bytesOut, message: message)
    }
}

/// Byte counts of one connection, added to from its two relay directions.
final class ConnectionTally: Sendable {
    private let counts = Mutex((bytesIn: Int64(0), bytesOut: Int64(0)))

    /// Bytes from the destination to the client.
    var bytesIn: Int64 { counts.withLock { $0.bytesIn } }
    /// Bytes from the client to the destination.
    var bytesOut: Int64 { counts.withLock { $0.bytesOut } }

    func received(_ count: Int) { counts.withLock { $0.bytesIn += Int64(count) } }
    func sent(_ count: Int) { counts.withLock { $0.bytesOut += Int64(count) } }
}
