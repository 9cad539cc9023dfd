import Crypto
import Foundation
import PortlessCore
import Testing

/// The audit chain, its digests and `verify`: an intact log has no findings, and each kind of tampering is named.
@Suite("Audit chain and digests")
struct AuditChainTests {
    static let key = Curve25519.Signing.PrivateKey()

    /// `count` chained entries, with records whose event IDs are `event-N`.
    static func chain(_ count: Int) throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for sequence in 1...count {
            let record = AuditRecord(userIdentity: .unknown(accessKeyId: "AKIAEXAMPLE"), eventTime: Date(timeIntervalSince1970: 1_800_000_000 + Double(sequence)),
                                     eventSource: "ssm.amazonaws.com", eventName: "SendCommand", awsRegion: "us-east-1", sourceIPAddress: "127.0.0.1",
                                     userAgent: "test", requestID: "request-\(sequence)", eventID: "event-\(sequence)", readOnly: false,
                                     recipientAccountId: "123456789012")
            entries.append(AuditEntry(sequence: sequence, previousHash: entries.last?.hash ?? AuditEntry.genesisHash, record: try record.encoded()))
        }
        return entries
    }

    /// Digests over entries 1–4 and 5–8 of `entries`.
    static func digests(_ entries: [AuditEntry], key: Curve25519.Signing.PrivateKey = key) throws -> [AuditDigest] {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try AuditDigest(digestNumber: 1, start: start, end: start + 3600, first: entries[0], last: entries[3], previous: nil, key: key)
        let second = try AuditDigest(digestNumber: 2, start: start + 3600, end: start + 7200, first: entries[4], last: entries[7], previous: first, key: key)
        return [first, second]
    }

    static func verify(_ entries: [AuditEntry], _ digests: [AuditDigest]) -> [AuditFinding] {
        AuditVerifier(publicKey: key.publicKey).verify(
            lines: entries.enumerated().map { AuditVerifier.Line(location: "line \($0.offset + 1)", entry: $0.element) },
            digests: digests.map { AuditVerifier.DigestFile(name: "digest-\($0.digestNumber)", digest: $0) })
    }

    static func named(_ findings: [AuditFinding]) -> Set<String> {
        Set(findings.map { "\($0.kind.rawValue) \($0.subject.split(separator: " ").prefix(2).joined(separator: " "))" })
    }

    @Test("an intact chain with its digests verifies with no findings")
    func intact() throws {
        let entries = try Self.chain(10)
        #expect(Self.verify(entries, try Self.digests(entries)).isEmpty)
        #expect(entries.allSatisfy { $0.isIntact })
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.hash == $1.previousHash })
    }

    @Test("a record whose content was edited is named changed")
    func changed() throws {
        var entries = try Self.chain(10)
        entries[2].record = entries[2].record.replacingOccurrences(of: "SendCommand", with: "DeleteDocument")
        #expect(Self.named(Self.verify(entries, try Self.digests(try Self.chain(10)))) == ["changed record 3"])
    }

    @Test("a record edited with its hash recomputed is named changed; its digest no longer matches")
    func rewritten() throws {
        let original = try Self.chain(10)
        var entries = original
        entries[2] = AuditEntry(sequence: 3, previousHash: entries[1].hash, record: entries[2].record.replacingOccurrences(of: "test", with: "evil"))
        let names = Self.named(Self.verify(entries, try Self.digests(original)))
        #expect(names == ["changed record 3"])
    }

    @Test("a removed record is named removed, and so is the sealed last record of a digest")
    func removed() throws {
        let original = try Self.chain(10)
        var entries = original
        entries.remove(at: 5)
        #expect(Self.named(Self.verify(entries, try Self.digests(original))) == ["removed record 6"])
        var tail = original
        tail.remove(at: 7)
        let names = Self.named(Self.verify(tail, try Self.digests(original)))
        #expect(names == ["removed record 8", "digest mismatch digest 2"])
    }

    @Test("two swapped records are both named reordered")
    func reordered() throws {
        let original = try Self.chain(10)
        var entries = original
        entries.swapAt(3, 4)
        #expect(Self.named(Self.verify(entries, try Self.digests(original))) == ["reordered record 4", "reordered record 5"])
    }

    @Test("a record inserted under a sequence number already taken is named inserted, wherever it is put")
    func inserted() throws {
        let original = try Self.chain(10)
        var forged = original[6]
        forged.record = forged.record.replacingOccurrences(of: "event-7", with: "event-forged")
        forged.hash = AuditEntry.hash(sequence: forged.sequence, previousHash: forged.previousHash, record: forged.record)
        for position in [2, 7, 10] {
            var entries = original
            entries.insert(forged, at: position)
            let findings = Self.verify(entries, try Self.digests(original))
            #expect(Self.named(findings).contains("inserted record 7"), "\(findings)")
            #expect(findings.contains { $0.subject.contains("event-forged") && $0.kind == .inserted })
            #expect(!findings.contains { $0.kind == .changed || $0.kind == .removed })
        }
    }

    @Test("a missing digest, a digest signed by another key and a digest with an edited field are each named")
    func digests() throws {
        let entries = try Self.chain(10)
        let digests = try Self.digests(entries)
        #expect(Self.named(Self.verify(entries, [digests[1]])) == ["digest missing digest 1"])
        let foreign = try Self.digests(entries, key: Curve25519.Signing.PrivateKey())
        #expect(Self.named(Self.verify(entries, [digests[0], foreign[1]])) == ["digest forged digest 2"])
        var edited = digests[0]
        edited.recordCount = 3
        #expect(Self.named(Self.verify(entries, [edited, digests[1]])) == ["digest forged digest 1"])
        let third = try AuditDigest(digestNumber: 3, start: Date(), end: Date(), first: entries[8], last: entries[9], previous: digests[0], key: Self.key)
        #expect(Self.named(Self.verify(entries, digests + [third])) == ["digest forged digest 3"])
    }

    @Test("an unreadable line is named with its place")
    func unreadable() throws {
        let entries = try Self.chain(3)
        let lines = entries.map { AuditVerifier.Line(location: "x", entry: $0) } + [AuditVerifier.Line(location: "f.ndjson:4", entry: nil)]
        let findings = AuditVerifier(publicKey: Self.key.publicKey).verify(lines: lines, digests: [])
        #expect(findings == [AuditFinding(.unreadable, "f.ndjson:4", "the line is not an audit entry")])
    }

    @Test("redaction hides secrets at any depth, camel-cases names, and turns Query members into arrays")
    func redaction() throws {
        let body = #"{"Name":"/db/pw","Type":"SecureString","Value":"hunter2","Nested":{"SecretAccessKey":"abc","KMSKeyId":"k"}}"#
        let redacted = AuditRedaction.redact(try JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)))
        #expect(redacted["value"] == .string(AuditRedaction.hidden))
        #expect(redacted["name"] == .string("/db/pw"))
        #expect(redacted["nested"]?["secretAccessKey"] == .string(AuditRedaction.hidden))
        #expect(redacted["nested"]?["kmsKeyId"] == .string("k"))
        let plain = AuditRedaction.redact(.object(["Type": .string("String"), "Value": .string("visible")]))
        #expect(plain["value"] == .string("visible"))
        let query = AuditRedaction.queryParameters(["Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": "arn", "TokenCode": "123456",
                                                    "Tags.member.2.Key": "b", "Tags.member.1.Key": "a"])
        #expect(query["tokenCode"] == .string(AuditRedaction.hidden) && query["roleArn"] == .string("arn") && query["action"] == nil)
        #expect(query["tags"] == .array([.object(["key": .string("a")]), .object(["key": .string("b")])]))
        let archive = String(repeating: "A", count: AuditRedaction.longestValue + 1)
        #expect(AuditRedaction.redact(.object(["Archive": .string(archive)])) == .object(["archive": .string("OMITTED: 65537 bytes")]))
        #expect(AuditRedaction.camelCase("IAMRole") == "iamRole" && AuditRedaction.camelCase("InstanceIds") == "instanceIds")
    }

    @Test("LookupEvents queries are refused as CloudTrail refuses them, and tokens only serve their own query")
    func lookupValidation() throws {
        #expect(throws: PortlessError.CloudTrail.oneAttribute) {
            try AuditLookup(attributes: [("EventName", "a"), ("Username", "b")], start: nil, end: nil, maxResults: nil, nextToken: nil)
        }
        #expect(throws: PortlessError.CloudTrail.attributeKey) { try AuditLookup(attributes: [("Color", "a")], start: nil, end: nil, maxResults: nil, nextToken: nil) }
        #expect(throws: PortlessError.CloudTrail.maxResults(51)) { try AuditLookup(attributes: [], start: nil, end: nil, maxResults: 51, nextToken: nil) }
        #expect(throws: PortlessError.CloudTrail.timeRange) {
            try AuditLookup(attributes: [], start: Date(), end: Date() - 60, maxResults: nil, nextToken: nil)
        }
        let lookup = try AuditLookup(attributes: [("EventName", "SendCommand")], start: nil, end: nil, maxResults: 5, nextToken: nil)
        let token = lookup.token(after: 7)
        #expect(try AuditLookup(attributes: [("EventName", "SendCommand")], start: nil, end: nil, maxResults: 5, nextToken: token).before == 7)
        #expect(throws: PortlessError.CloudTrail.nextToken) {
            try AuditLookup(attributes: [("EventName", "Other")], start: nil, end: nil, maxResults: 5, nextToken: token)
        }
        #expect(throws: PortlessError.CloudTrail.nextToken) { try AuditLookup(attributes: [], start: nil, end: nil, maxResults: 5, nextToken: "junk") }
    }
}
