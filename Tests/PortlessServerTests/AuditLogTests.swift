import Crypto
import Foundation
import Logging
import PortlessCore
@testable import PortlessServer
import Testing

/// The audit log's writer on its own: the chain continues across a restart (a line cut short by a crash is cut
/// off), digests seal exactly the entries since the last one, and writes — not reads — reach the event bus.
@Suite("Audit log writer")
struct AuditLogTests {
    static func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portless-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try await body(url)
    }

    static func record(_ name: String, readOnly: Bool = false) -> AuditRecord {
        AuditRecord(userIdentity: .unknown(accessKeyId: nil), eventTime: Date(), eventSource: "iam.amazonaws.com", eventName: name,
                    awsRegion: "us-east-1", sourceIPAddress: "127.0.0.1", userAgent: "test", requestID: UUID().uuidString,
                    eventID: UUID().uuidString, readOnly: readOnly, recipientAccountId: "123456789012")
    }

    @Test("after a crash the torn last line is cut, the chain continues, and the next digest seals from the first unsealed entry")
    func recovery() async throws {
        try await Self.withDirectory { url in
            let key = Curve25519.Signing.PrivateKey()
            let directory = AuditDirectory(dataDirectory: url)
            let first = try AuditLog(directory: directory, key: key)
            for name in ["A", "B"] { try await first.append(try Self.record(name).encoded()) }
            let sealed = try #require(try await first.seal())
            #expect(sealed.digestNumber == 1 && sealed.firstSequence == 1 && sealed.lastSequence == 2)
            let third = try await first.append(try Self.record("C").encoded())
            #expect(try await first.seal(now: Date()) != nil)
            #expect(try await first.seal() == nil)
            let fourth = try await first.append(try Self.record("D").encoded())
            let file = try #require(directory.recordFiles().last)
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"sequence":5,"previousHash":"#.utf8))
            try handle.close()

            let reopened = try AuditLog(directory: directory, key: key)
            #expect(await reopened.lastSequence == 4)
            let fifth = try await reopened.append(try Self.record("E").encoded())
            #expect(fifth.sequence == 5 && fifth.previousHash == fourth.hash && third.sequence == 3)
            let digest = try #require(try await reopened.seal())
            #expect(digest.digestNumber == 3 && digest.firstSequence == 4 && digest.lastSequence == 5 && digest.recordCount == 2)
            try Data(key.publicKey.rawRepresentation.base64EncodedString().utf8).write(to: directory.publicKeyFile)
            let report = try directory.verify()
            #expect(report.findings.isEmpty, "\(report.findings)")
            #expect(report.records == 5 && report.digests == 3 && report.sealedThrough == 5)
        }
    }

    @Test("a write is published on the bus as an AWS API Call via CloudTrail; a read is not")
    func busCarriesWrites() async throws {
        try await Self.withDirectory { url in
            let bus = EventBus()
            let events = await bus.subscribe()
            let log = try AuditLog(directory: AuditDirectory(dataDirectory: url), key: Curve25519.Signing.PrivateKey())
            let trail = AuditTrail(log: log, region: "us-east-1", bus: bus, logger: Logger(label: "test"))
            let read = AuditCapture.State()
            try await trail.record(AuditCall(eventSource: "iam.amazonaws.com", eventName: "ListUsers", readOnly: true, capture: read, requestId: "r1"))
            try await trail.record(AuditCall(eventSource: "iam.amazonaws.com", eventName: "CreateUser", readOnly: false, capture: read,
                                             requestParameters: .object(["userName": .string("bob")]), requestId: "r2"))
            var iterator = events.makeAsyncIterator()
            let event = try #require(await iterator.next())
            #expect(event.detailType == "AWS API Call via CloudTrail" && event.source == "aws.iam")
            #expect(event.detail["eventName"] == .string("CreateUser") && event.detail["requestID"] == .string("r2"))
            #expect(event.detail["requestParameters"]?["userName"] == .string("bob"))
            #expect(AuditDirectory(dataDirectory: url).lines().count == 2)
        }
    }
}
