public import Foundation

/// The first (text) frame a client sends on the data channel: it authenticates by the token alone.
public struct OpenDataChannelInput: Sendable, Codable, Equatable {
    public var MessageSchemaVersion: String
    public var RequestId: String
    public var TokenValue: String
    public var ClientId: String
    public var ClientVersion: String

    public init(tokenValue: String, clientId: String, clientVersion: String, requestId: String = UUID().uuidString.lowercased()) {
        MessageSchemaVersion = "1.0"
        RequestId = requestId
        TokenValue = tokenValue
        ClientId = clientId
        ClientVersion = clientVersion
    }
}

/// The payload of an `acknowledge` message.
public struct AcknowledgeContent: Sendable, Codable, Equatable {
    public var AcknowledgedMessageType: String
    public var AcknowledgedMessageId: String
    public var AcknowledgedMessageSequenceNumber: Int64
    public var IsSequentialMessage: Bool

    public init(of message: DataChannelMessage) {
        AcknowledgedMessageType = message.messageType.rawValue
        AcknowledgedMessageId = message.messageId.uuidString.lowercased()
        AcknowledgedMessageSequenceNumber = message.sequenceNumber
        IsSequentialMessage = true
    }

    /// The `acknowledge` message answering `message`. Its JSON is written directly (every field is a fixed
    /// identifier, a UUID or a number: nothing to escape); one goes out for every message received.
    public static func message(acknowledging message: DataChannelMessage) -> DataChannelMessage {
        let json = "{\"AcknowledgedMessageType\":\"\(message.messageType.rawValue)\",\"AcknowledgedMessageId\":\"\(message.messageId.uuidString.lowercased())\","
            + "\"AcknowledgedMessageSequenceNumber\":\(message.sequenceNumber),\"IsSequentialMessage\":true}"
        return DataChannelMessage(messageType: .acknowledge, flags: 3, payloadType: .unknown, payload: Data(json.utf8))
    }

    /// The sequence number an `acknowledge` payload acknowledges (all a sender needs of it), nil when it names
    /// none. The number is read where the key stands, without decoding the whole document (one comes for every
    /// message sent); a payload the scan cannot read is decoded in full.
    public static func acknowledgedSequenceNumber(in payload: Data) -> Int64? {
        scanSequenceNumber(payload) ?? (try? JSONDecoder().decode(AcknowledgeContent.self, from: payload))?.AcknowledgedMessageSequenceNumber
    }

    private static let sequenceKey = Array("\"AcknowledgedMessageSequenceNumber\"".utf8)

    private static func scanSequenceNumber(_ payload: Data) -> Int64? {
        payload.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int64? in
            let text = bytes.bindMemory(to: UInt8.self)
            guard let keyStart = text.firstRange(of: sequenceKey)?.upperBound else { return nil }
            var index = keyStart
            func skipSpace() { while index < text.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(text[index]) { index += 1 } }
            skipSpace()
            guard index < text.endIndex, text[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            let digitsStart = index
            if index < text.endIndex, text[index] == UInt8(ascii: "-") { index += 1 }
            while index < text.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) { index += 1 }
            guard index < text.endIndex, [UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(text[index]) else { return nil }
            return Int64(String(decoding: text[digitsStart..<index], as: UTF8.self))
        }
    }
}

/// The server's handshake request (payload type 5): the agent's version and the actions the client must take.
public struct HandshakeRequest: Sendable, Codable, Equatable {
    public var AgentVersion: String
    public var RequestedClientActions: [RequestedClientAction]

    public init(agentVersion: String, actions: [RequestedClientAction]) {
        AgentVersion = agentVersion
        RequestedClientActions = actions
    }
}

/// One action of a handshake request; only `SessionType` is used (Portless does not ask for KMS encryption).
public struct RequestedClientAction: Sendable, Codable, Equatable {
    public var ActionType: String
    public var ActionParameters: SessionTypeParameters

    public init(sessionType: String, properties: [String: JSONValue]) {
        ActionType = "SessionType"
        ActionParameters = SessionTypeParameters(SessionType: sessionType, Properties: properties)
    }
}

/// `SessionType` action parameters: the document's session type and its properties (strings).
public struct SessionTypeParameters: Sendable, Codable, Equatable {
    public var SessionType: String
    public var Properties: [String: JSONValue]
}

/// The client's handshake response (payload type 6).
public struct HandshakeResponse: Sendable, Codable, Equatable {
    public var ClientVersion: String
    public var ProcessedClientActions: [ProcessedClientAction]
    public var Errors: [String]?

    public init(clientVersion: String, actions: [ProcessedClientAction], errors: [String]? = nil) {
        ClientVersion = clientVersion
        ProcessedClientActions = actions
        Errors = errors
    }
}

/// One processed action: status 1 succeeded, 2 failed, 3 unsupported.
public struct ProcessedClientAction: Sendable, Codable, Equatable {
    public var ActionType: String
    public var ActionStatus: Int
    public var Error: String?

    public init(actionType: String, actionStatus: Int, error: String? = nil) {
        ActionType = actionType
        ActionStatus = actionStatus
        Error = error
    }
}

/// The server's handshake completion (payload type 7); the client prints `CustomerMessage`.
public struct HandshakeComplete: Sendable, Codable, Equatable {
    public var HandshakeTimeToComplete: Int64
    public var CustomerMessage: String

    public init(timeToComplete: Duration, customerMessage: String) {
        let (seconds, attoseconds) = timeToComplete.components
        HandshakeTimeToComplete = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        CustomerMessage = customerMessage
    }
}

/// A `size` payload (type 3): the client's terminal size.
public struct TerminalSize: Sendable, Codable, Equatable {
    public var cols: Int
    public var rows: Int

    public init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
    }
}

/// The payload of `channel_closed`: `Output` is printed by the plugin as the reason.
public struct ChannelClosedContent: Sendable, Codable, Equatable {
    public var MessageId: String
    public var CreatedDate: String
    public var DestinationId: String
    public var SessionId: String
    public var MessageType: String
    public var SchemaVersion: Int
    public var Output: String

    public init(sessionId: String, destinationId: String, output: String, at date: Date = Date()) {
        MessageId = UUID().uuidString.lowercased()
        CreatedDate = date.formatted(.iso8601)
        DestinationId = destinationId
        SessionId = sessionId
        MessageType = DataChannelMessageType.channelClosed.rawValue
        SchemaVersion = 1
        Output = output
    }

    /// The `channel_closed` message carrying this content.
    public var message: DataChannelMessage {
        DataChannelMessage(messageType: .channelClosed, payloadType: .output, payload: (try? JSONEncoder().encode(self)) ?? Data())
    }
}
