import Foundation
public import PortlessCore

/// Where a session's data channel is and the single-use token that opens it, as StartSession and
/// ResumeSession return them.
public struct SessionStream: Sendable, Equatable {
    public var sessionId: String
    public var tokenValue: String
    public var streamURL: String

    public init(sessionId: String, tokenValue: String, streamURL: String) {
        self.sessionId = sessionId
        self.tokenValue = tokenValue
        self.streamURL = streamURL
    }

    /// Reads a StartSession or ResumeSession reply; nil when it carries no token (a session that
    /// can no longer be resumed).
    public init?(reply: JSONValue) {
        guard let sessionId = reply["SessionId"]?.stringValue, let token = reply["TokenValue"]?.stringValue,
              let url = reply["StreamUrl"]?.stringValue else { return nil }
        self.init(sessionId: sessionId, tokenValue: token, streamURL: url)
    }
}

extension SSMClient {
    /// StartSession with `request` (`Target`, optional `DocumentName`, `Parameters`, `Reason`).
    public func startSession(_ request: JSONValue) async throws -> SessionStream {
        let reply = try await call("AmazonSSM.StartSession", request)
        guard let stream = SessionStream(reply: reply) else {
            throw ClientError.transport("StartSession returned no SessionId, TokenValue and StreamUrl.")
        }
        return stream
    }

    /// ResumeSession: a fresh token for the session's data channel, or nil when the server has none
    /// to give (the session timed out).
    public func resumeSession(_ sessionId: String) async throws -> SessionStream? {
        SessionStream(reply: try await call("AmazonSSM.ResumeSession", .object(["SessionId": .string(sessionId)])))
    }

    /// TerminateSession: ends the session for both ends.
    public func terminateSession(_ sessionId: String) async throws {
        _ = try await call("AmazonSSM.TerminateSession", .object(["SessionId": .string(sessionId)]))
    }
}
