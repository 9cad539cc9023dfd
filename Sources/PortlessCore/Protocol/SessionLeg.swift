public import Foundation

/// The agent's end of a session: one WebSocket per session at `/agent/v1/session`. The agent's
/// first frame is a text `SessionLegHello`; the server answers `ready` or closes. Then binary
/// frames carry stream bytes after a one-byte `SessionLegChannel` tag, and text frames carry
/// `SessionLegControl`. Either side closing the WebSocket ends the session.
///
/// Stream bytes flow under a window each way, as SSH's channels do: a side sends bytes only while
/// the bytes it has sent exceed the `credit` controls it got back by less than `SessionLegWindow.size`, and
/// grants credit as it consumes what it received. The WebSocket writers do not wait for a peer that
/// stops reading (measured: decision 111), so the window is what bounds each side's memory.
public enum SessionLeg {
    /// The path agents dial.
    public static let path = "/agent/v1/session"

    /// Splits a binary frame (the one-byte channel tag, then the bytes; writers build it in their own buffer)
    /// into its channel and its bytes, which share the frame's storage; nil for an empty frame or an unknown tag.
    public static func parse(_ frame: Data) -> (SessionLegChannel, Data)? {
        guard let first = frame.first, let channel = SessionLegChannel(rawValue: first) else { return nil }
        return (channel, frame.dropFirst())
    }
}

/// The channel of a binary session-leg frame.
public enum SessionLegChannel: UInt8, Sendable {
    /// server → agent: stdin or port bytes; agent → server: PTY output, stdout or port bytes.
    case stream = 0
    /// agent → server: a non-interactive command's stderr.
    case stderr = 1
}

/// The agent's first frame on a session leg.
public struct SessionLegHello: Sendable, Codable, Equatable {
    public var instanceId: String
    public var sessionId: String
    public var token: String

    public init(instanceId: String, sessionId: String, token: String) {
        self.instanceId = instanceId
        self.sessionId = sessionId
        self.token = token
    }
}

/// A control frame on a session leg (JSON text).
public struct SessionLegControl: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// server → agent: the leg is accepted; start serving.
        case ready
        /// server → agent: the terminal is now `columns`×`rows`.
        case resize
        /// agent → server: the shell or command ended with `exitCode`; the agent closes the leg next.
        case exit
        /// agent → server: a port connection changed (`event`, `streamId`, `destination`, byte counts).
        case connection
        /// agent → server: the session could not start or failed (`message`); the agent closes the leg next.
        case error
        /// either way: the sender consumed `credit` more stream bytes; the receiver may send that many more.
        case credit
    }

    /// What happened to a port connection.
    public enum ConnectionEvent: String, Sendable, Codable {
        case opened, closed, failed
    }

    public var type: Kind
    public var columns: Int?
    public var rows: Int?
    public var exitCode: Int32?
    public var event: ConnectionEvent?
    public var streamId: UInt32?
    public var destination: String?
    /// Bytes from the destination to the client.
    public var bytesIn: Int64?
    /// Bytes from the client to the destination.
    public var bytesOut: Int64?
    public var message: String?
    /// Stream bytes consumed, for `credit`.
    public var credit: Int?

    public init(type: Kind, columns: Int? = nil, rows: Int? = nil, exitCode: Int32? = nil, event: ConnectionEvent? = nil,
                streamId: UInt32? = nil, destination: String? = nil, bytesIn: Int64? = nil, bytesOut: Int64? = nil,
                message: String? = nil, credit: Int? = nil) {
        self.type = type
        self.columns = columns
        self.rows = rows
        self.exitCode = exitCode
        self.event = event
        self.streamId = streamId
        self.destination = destination
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
        self.message = message
        self.credit = credit
    }

    /// Encodes the control as one text frame.
    public func encoded() throws -> String {
        String(decoding: try WireCoding.encoder().encode(self), as: UTF8.self)
    }

    /// Decodes one text frame.
    public static func decode(_ text: String) throws -> SessionLegControl {
        try WireCoding.decode(SessionLegControl.self, from: Data(text.utf8))
    }
}
