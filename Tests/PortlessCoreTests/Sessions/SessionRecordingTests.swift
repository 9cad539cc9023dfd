import Crypto
import Foundation
import PortlessCore
import Testing

@Suite struct CommandLineTrackerTests {
    @Test func yieldsEnteredLinesWithEditsApplied() {
        var tracker = CommandLineTracker()
        #expect(tracker.type(Data("sudo sx\u{7F}u".utf8)).isEmpty)
        #expect(tracker.type(Data(" -\r".utf8)) == ["sudo su -"])
        #expect(tracker.type(Data("rm -rf /tmp/x\u{15}ls\u{1B}[A\r".utf8)) == ["ls"])
        #expect(tracker.type(Data("echo one two\u{17}\r\r".utf8)) == ["echo one"])
        #expect(tracker.type(Data("sleep 100\u{03}whoami\n".utf8)) == ["whoami"])
        #expect(tracker.type(Data("한글\u{7F}\r".utf8)) == ["한"])
    }
}

@Suite struct AsciicastEncoderTests {
    @Test func writesAVersionTwoHeaderAndEvents() throws {
        let header = AsciicastEncoder.header(columns: 100, rows: 30, startedAt: Date(timeIntervalSince1970: 1_700_000_000), title: "s on n")
        let object = try #require(try JSONSerialization.jsonObject(with: header) as? [String: Any])
        #expect(object["version"] as? Int == 2)
        #expect(object["width"] as? Int == 100)
        #expect(object["height"] as? Int == 30)
        #expect(header.last == 0x0A)
        var encoder = AsciicastEncoder()
        let event0 = encoder.event(.output, Data("hi\r\n".utf8), at: 1.5)
        let line = try #require(event0)
        let event = try #require(try JSONSerialization.jsonObject(with: line) as? [Any])
        #expect(event[0] as? Double == 1.5)
        #expect(event[1] as? String == "o")
        #expect(event[2] as? String == "hi\r\n")
        #expect(String(decoding: AsciicastEncoder.resize(columns: 120, rows: 40, at: 2), as: UTF8.self) == "[2,\"r\",\"120x40\"]\n")
    }

    @Test func keepsASplitCharacterForTheNextChunk() throws {
        var encoder = AsciicastEncoder()
        let bytes = Array("가".utf8)
        let head = encoder.event(.output, Data([0x61] + bytes[0..<2]), at: 0)
        #expect(head.map { String(decoding: $0, as: UTF8.self) } == "[0,\"o\",\"a\"]\n")
        let tail = encoder.event(.output, Data(bytes[2...]), at: 0.25)
        let rest = try #require(tail)
        #expect(String(decoding: rest, as: UTF8.self) == "[0.25,\"o\",\"가\"]\n")
        let incomplete = encoder.event(.output, Data([0xE0]), at: 1)
        #expect(incomplete == nil)
    }
}

@Suite struct TranscriptChunkTests {
    @Test func opensOnlyUnderTheSameKeySessionAndIndex() throws {
        let key = SymmetricKey(size: .bits256)
        let sealed = try TranscriptChunk.seal(Data("[0.1,\"o\",\"x\"]\n".utf8), index: 2, sessionId: "alice-0123456789abcdef0", key: key)
        #expect(try TranscriptChunk.open(sealed, index: 2, sessionId: "alice-0123456789abcdef0", key: key) == Data("[0.1,\"o\",\"x\"]\n".utf8))
        #expect(throws: (any Error).self) { try TranscriptChunk.open(sealed, index: 3, sessionId: "alice-0123456789abcdef0", key: key) }
        #expect(throws: (any Error).self) { try TranscriptChunk.open(sealed, index: 2, sessionId: "bob-0123456789abcdef0", key: key) }
        #expect(throws: (any Error).self) { try TranscriptChunk.open(sealed, index: 2, sessionId: "alice-0123456789abcdef0", key: SymmetricKey(size: .bits256)) }
    }

    @Test func namesChunksInOrder() {
        #expect(TranscriptChunk.key(prefix: "sessions/a/", index: 12) == "sessions/a/000012")
        #expect(TranscriptChunk.index(of: "sessions/a/000012", prefix: "sessions/a/") == 12)
        #expect(TranscriptChunk.index(of: "sessions/a/12", prefix: "sessions/a/") == nil)
        #expect(TranscriptChunk.index(of: "sessions/b/000012", prefix: "sessions/a/") == nil)
    }
}
