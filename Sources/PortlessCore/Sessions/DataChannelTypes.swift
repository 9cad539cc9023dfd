public import Foundation

/// The `MessageType` of a data channel message.
public enum DataChannelMessageType: String, Sendable, Codable {
    /// client → server: keystrokes, port bytes, size, handshake replies.
    case inputStreamData = "input_stream_data"
    /// server → client: output, handshake requests, exit codes.
    case outputStreamData = "output_stream_data"
    /// either way: a stream message arrived.
    case acknowledge
    /// server → client: the session ended.
    case channelClosed = "channel_closed"
    /// server → client (ignored by the plugin).
    case startPublication = "start_publication"
    /// server → client (ignored by the plugin).
    case pausePublication = "pause_publication"
}

/// The `PayloadType` of a data channel message.
public enum DataChannelPayloadType: UInt32, Sendable, Codable {
    /// Acknowledgements and control messages carry 0.
    case unknown = 0
    case output = 1
    case error = 2
    case size = 3
    case parameter = 4
    case handshakeRequest = 5
    case handshakeResponse = 6
    case handshakeComplete = 7
    case encChallengeRequest = 8
    case encChallengeResponse = 9
    case flag = 10
    case stdErr = 11
    case exitCode = 12
}

/// The value of a `flag` payload (a big-endian UInt32).
public enum DataChannelFlag: UInt32, Sendable {
    case disconnectToPort = 1
    case terminateSession = 2
    case connectToPortError = 3

    /// The flag a `flag` payload carries; nil when it is not four bytes or names no known flag.
    public init?(payload: Data) {
        guard payload.count == 4 else { return nil }
        self.init(rawValue: [UInt8](payload).bigEndian(UInt32.self, at: 0))
    }

    /// The flag as a `flag` payload.
    public var payload: Data {
        var data = Data()
        data.appendBigEndian(rawValue)
        return data
    }
}
