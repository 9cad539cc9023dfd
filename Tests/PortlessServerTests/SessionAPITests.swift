import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PortlessCore
import PortlessStore
import Testing

/// Session Manager's API through `buildApplication`: StartSession refuses a node that is not connected, DescribeSessions
/// filters and pages the stored sessions, ResumeSession and TerminateSession answer as SSM does, and bad input gets
/// SSM's codes and texts.
@Suite struct SessionAPITests {
    static let node = "mi-0aaaaaaaaaaaaaaa1"

    /// A server whose root account has `node` (offline) and three stored sessions: two ended, and one left connected by a
    /// previous run, which the new server ends (`settled` waits for that).
    static func withSessions<T: Sendable>(_ body: @Sendable (SignedClient) async throws -> T) async throws -> T {
        try await TestPortless.withClient(prepare: { directory, account in
            let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("portless.sqlite").path,
                                                     logger: Logger(label: "session-test"))
            do {
                let activationId = UUID().uuidString.lowercased()
                try await store.insertActivation(ActivationRecord(activationId: activationId, accountId: account, codeHash: "", iamRole: "r",
                                                                  registrationLimit: 10, registrationsCount: 0,
                                                                  expirationDate: Date().addingTimeInterval(3600), defaultInstanceName: nil,
                                                                  description: nil, tags: [], createdDate: Date()))
                let info = NodeInfo(hostname: "n", ipAddress: "127.0.0.1", platformType: "Linux", platformName: "Debian",
                                    platformVersion: "12", agentVersion: "0.1.0")
                try await store.registerNode(NodeRecord(instanceId: node, accountId: account, activationId: activationId, iamRole: "r",
                                                        publicKey: Data(), name: nil, info: info, registrationDate: Date(),
                                                        lastPingDateTime: nil, online: false), activationId: activationId) { _ in }
                for (index, status) in [SessionStatus.terminated, .failed, .connected].enumerated() {
                    var record = SessionRecord(sessionId: "root-0000000000000000\(index)", accountId: account, target: node,
                                               owner: "arn:aws:iam::\(account):root", status: status,
                                               startDate: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 3600),
                                               documentName: "SSM-SessionManagerRunShell", reason: index == 0 ? "patching" : nil,
                                               maxSessionDuration: nil, mode: .shell, runAsUser: "portless-user", tokenDigest: "",
                                               tokenExpiresAt: Date())
                    if !status.isActive { record.endDate = record.startDate.addingTimeInterval(60) }
                    try await store.insertSession(record)
                }
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        }, body)
    }

    /// Waits until the server has ended the session its previous run left connected.
    static func settled(_ client: SignedClient) async throws {
        for _ in 0..<50 {
            if try ids(try await client.ssm("DescribeSessions", #"{"State":"Active"}"#)).isEmpty { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the interrupted session was not ended")
    }

    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: response.body).utf8))
    }

    static func ids(_ response: TestResponse) throws -> [String] {
        try json(response)["Sessions"]?.arrayValue?.compactMap { $0["SessionId"]?.stringValue } ?? []
    }

    @Test("StartSession refuses a node whose agent is not connected, and bad fields, with SSM's codes")
    func startRefusals() async throws {
        try await Self.withSessions { client in
            let offline = ErrorReply(try await client.ssm("StartSession", #"{"Target":"\#(Self.node)"}"#))
            #expect(offline.description == "400 TargetNotConnected: \(Self.node) is not connected.")
            let unknown = ErrorReply(try await client.ssm("StartSession", #"{"Target":"mi-0ccccccccccccccc9"}"#))
            #expect(unknown.code == "TargetNotConnected")
            let reason = ErrorReply(try await client.ssm("StartSession", #"{"Target":"\#(Self.node)","Reason":"two\nlines"}"#))
            #expect(reason.code == "ValidationException")
            #expect(reason.message.contains("reason"))
            let missing = ErrorReply(try await client.ssm("StartSession", #"{}"#))
            #expect(missing.code == "SerializationException" || missing.code == "ValidationException")
        }
    }

    @Test("DescribeSessions lists by state, newest first, filters and pages")
    func describe() async throws {
        try await Self.withSessions { client in
            try await Self.settled(client)
            let history = try await client.ssm("DescribeSessions", #"{"State":"History"}"#)
            #expect(try Self.ids(history) == ["root-00000000000000002", "root-00000000000000001", "root-00000000000000000"])
            let interrupted = try #require(try Self.json(history)["Sessions"]?.arrayValue?.first)
            #expect(interrupted["Status"] == .string("Terminated"))
            #expect(interrupted["Details"] == .string("The server restarted during the session."))
            #expect(interrupted["EndDate"] != nil)
            let failed = try await client.ssm("DescribeSessions", #"{"State":"History","Filters":[{"key":"Status","value":"Failed"}]}"#)
            #expect(try Self.ids(failed) == ["root-00000000000000001"])
            let before = try await client.ssm("DescribeSessions", #"{"State":"History","Filters":[{"key":"InvokedBefore","value":"2023-11-14T23:00:00Z"}]}"#)
            #expect(try Self.ids(before) == ["root-00000000000000000"])
            let first = try Self.json(try await client.ssm("DescribeSessions", #"{"State":"History","MaxResults":1,"Filters":[{"key":"Status","value":"Failed"}]}"#))
            let session = try #require(first["Sessions"]?.arrayValue?.first)
            #expect(session["Target"] == .string(Self.node))
            #expect(session["Status"] == .string("Failed"))
            #expect(session["AccessType"] == .string("Standard"))
            #expect(first["NextToken"] == nil)
            let paged = try Self.json(try await client.ssm("DescribeSessions", #"{"State":"History","MaxResults":2}"#))
            let token = try #require(paged["NextToken"]?.stringValue)
            let second = try await client.ssm("DescribeSessions", #"{"State":"History","MaxResults":2,"NextToken":"\#(token)"}"#)
            #expect(try Self.ids(second) == ["root-00000000000000000"])
            #expect(try Self.json(second)["Sessions"]?.arrayValue?.first?["Reason"] == .string("patching"))

            #expect(ErrorReply(try await client.ssm("DescribeSessions", #"{"State":"Gone"}"#)).code == "ValidationException")
            #expect(ErrorReply(try await client.ssm("DescribeSessions", #"{"State":"Active","MaxResults":500}"#)).code == "ValidationException")
            #expect(ErrorReply(try await client.ssm("DescribeSessions", #"{"State":"Active","Filters":[{"key":"Color","value":"x"}]}"#)).code
                    == "ValidationException")
            #expect(ErrorReply(try await client.ssm("DescribeSessions", #"{"State":"Active","NextToken":"bogus"}"#)).code == "InvalidNextToken")
        }
    }

    @Test("ResumeSession, TerminateSession, GetConnectionStatus and GetSessionTranscript answer as SSM does")
    func resumeTerminateStatus() async throws {
        try await Self.withSessions { client in
            let unknown = ErrorReply(try await client.ssm("ResumeSession", #"{"SessionId":"root-0123456789abcdef0"}"#))
            #expect(unknown.description == "400 DoesNotExistException: Session with id root-0123456789abcdef0 does not exist.")
            // An ended session gets no new token: the plugin then reports it timed out.
            let ended = try Self.json(try await client.ssm("ResumeSession", #"{"SessionId":"root-00000000000000000"}"#))
            #expect(ended["SessionId"] == .string("root-00000000000000000"))
            #expect(ended["TokenValue"] == nil)
            let terminated = try Self.json(try await client.ssm("TerminateSession", #"{"SessionId":"root-0123456789abcdef0"}"#))
            #expect(terminated["SessionId"] == .string("root-0123456789abcdef0"))
            let status = try Self.json(try await client.ssm("GetConnectionStatus", #"{"Target":"\#(Self.node)"}"#))
            #expect(status["Status"] == .string("notconnected"))
            let noTranscript = ErrorReply(try await client.portless("GetSessionTranscript", #"{"SessionId":"root-00000000000000000"}"#))
            #expect(noTranscript.code == "InvalidParameters")
            let missing = ErrorReply(try await client.portless("GetSessionTranscript", #"{"SessionId":"root-0123456789abcdef0"}"#))
            #expect(missing.code == "DoesNotExistException")
        }
    }
}
