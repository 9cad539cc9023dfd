public import Foundation
public import PortlessCore

/// What the server sends a session's client once the handshake is done.
public enum DataChannelOutput: Sendable, Equatable {
    /// Payload type 1: terminal output, a command's stdout, or a port session's byte stream.
    case stdout(Data)
    /// Payload type 11: a command's stderr (sent to `portless/` clients only).
    case stderr(Data)
    /// Payload type 10: a flag (e.g. the destination port could not be reached).
    case flag(DataChannelFlag)
}

/// The handshake's outcome: the session type the server asked for and the line it has for the user.
public struct DataChannelReady: Sendable, Equatable {
    /// nil when the server sent output without a handshake (a shell, as the plugin takes it).
    public var sessionType: SessionTypeParameters?
    public var customerMessage: String

    public init(sessionType: SessionTypeParameters?, customerMessage: String) {
        self.sessionType = sessionType
        self.customerMessage = customerMessage
    }
}

/// How a data channel ended.
public struct DataChannelEnd: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The server sent `channel_closed`, with its `Output` (often empty).
        case closedByServer(output: String)
        /// ResumeSession gave no token: the session is over on the server.
        case timedOut
        /// This side closed the channel (`DataChannelClient.close()`).
        case closedByClient
    }

    public var reason: Reason
    /// The remote exit code (payload type 12), when the server sent one.
    public var exitCode: Int32?

    public init(reason: Reason, exitCode: Int32?) {
        self.reason = reason
        self.exitCode = exitCode
    }
}

/// The session's data channel is over (sending or waiting on it after its end).
public struct DataChannelClosedError: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "the session's data channel is closed" }
}
