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

/// A resize event's asciicast line, as a transcript renders it.
private func resizeLine(_ columns: Int, _ rows: Int, at seconds: Double) throws -> String {
    var chunk = Data()
    TranscriptEvents.append(.resize, at: seconds, Data("\(columns)x\(rows)".utf8), to: &chunk)
    var encoder = AsciicastEncoder()
    return String(decoding: try TranscriptEvents.render(chunk, encoder: &encoder), as: UTF8.self)
}

@Suite struct TranscriptEventsTests {
    @Test func rendersEventsAsAsciicastAcrossChunks() throws {
        let header = AsciicastEncoder.header(columns: 80, rows: 24, startedAt: Date(timeIntervalSince1970: 1_700_000_000), title: "t")
        let character = Array("가".utf8)
        var first = Data()
        TranscriptEvents.append(.header, at: 0, header, to: &first)
        TranscriptEvents.append(.input, at: 0.5, Data("ls\r".utf8), to: &first)
        TranscriptEvents.append(.output, at: 1.25, Data([0x00, 0x61] + character[0..<1]), to: &first)
        var second = Data()
        TranscriptEvents.append(.output, at: 2, Data(character[1...]), to: &second)
        TranscriptEvents.append(.resize, at: 3, Data("100x30".utf8), to: &second)
        var encoder = AsciicastEncoder()
        let text = try TranscriptEvents.render(first, encoder: &encoder) + TranscriptEvents.render(second, encoder: &encoder)
        #expect(String(decoding: text, as: UTF8.self) == String(decoding: header, as: UTF8.self)
            + "[0.5,\"i\",\"ls\\r\"]\n[1.25,\"o\",\"\\u0000a\"]\n[2,\"o\",\"가\"]\n[3,\"r\",\"100x30\"]\n")
    }

    @Test func refusesATruncatedOrUnknownEvent() {
        var chunk = Data()
        TranscriptEvents.append(.output, at: 1, Data("hello".utf8), to: &chunk)
        var encoder = AsciicastEncoder()
        #expect(throws: TranscriptError.self) { try TranscriptEvents.render(chunk.dropLast(), encoder: &encoder) }
        #expect(throws: TranscriptError.self) { try TranscriptEvents.render(Data([0x7A]) + chunk.dropFirst(), encoder: &encoder) }
        #expect(throws: TranscriptError.self) { try TranscriptEvents.render(Data([0x6F, 0x00]), encoder: &encoder) }
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
        let line = Data(try #require(event0))
        let event = try #require(try JSONSerialization.jsonObject(with: line) as? [Any])
        #expect(event[0] as? Double == 1.5)
        #expect(event[1] as? String == "o")
        #expect(event[2] as? String == "hi\r\n")
        #expect(try resizeLine(120, 40, at: 2) == "[2,\"r\",\"120x40\"]\n")
    }

    @Test func escapesWhatJSONMustEscapeAndRepairsWhatIsNotUTF8() throws {
        var encoder = AsciicastEncoder()
        let raw = Data("q\"b\\t\tn\nr\r".utf8) + Data([0x00, 0x1B, 0x7F]) + Data("가 ✓".utf8) + Data([0xFF, 0x41])
        let encoded = encoder.event(.output, raw, at: 12.000301)
        let line = Data(try #require(encoded))
        let event = try #require(try JSONSerialization.jsonObject(with: line) as? [Any])
        #expect(event[0] as? Double == 12.000301)
        #expect(event[2] as? String == "q\"b\\t\tn\nr\r\u{0}\u{1B}\u{7F}가 ✓\u{FFFD}A")
        #expect(String(decoding: line, as: UTF8.self).hasPrefix(#"[12.000301,"o","q\"b\\t\tn\nr\r\u0000\u001b"#))
        let times = try [0.25, 3, 0.000001, 1.0000004].map { try resizeLine(1, 1, at: $0) }
        #expect(times == [#"[0.25,"r","1x1"]"#, #"[3,"r","1x1"]"#, #"[0.000001,"r","1x1"]"#, #"[1,"r","1x1"]"#].map { $0 + "\n" })
    }

    @Test func everyASCIIByteReadsBackAsItself() throws {
        var encoder = AsciicastEncoder()
        let ascii = Data((0..<0x80).map { UInt8($0) } + (0..<0x80).reversed().map { UInt8($0) })
        let encoded = encoder.event(.output, ascii, at: 0)
        let line = Data(try #require(encoded))
        let event = try #require(try JSONSerialization.jsonObject(with: line) as? [Any])
        #expect(event[2] as? String == String(decoding: ascii, as: UTF8.self))
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

    @Test func textWithoutRepeatsIsPackedByHuffmanCodingAndOpensWhole() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let random = Data((0..<(300 << 10)).map { _ in alphabet[Int(generator.next() % 64)] })
        let key = SymmetricKey(size: .bits256)
        let sealed = try TranscriptChunk.seal(random, index: 1, sessionId: "alice-0123456789abcdef0", key: key)
        // Six bits of eight carry information: Huffman coding gets close to that.
        #expect(sealed.count < random.count * 8 / 10)
        #expect(try TranscriptChunk.open(sealed, index: 1, sessionId: "alice-0123456789abcdef0", key: key) == random)
        let huffman = try Gzip.compress(Array(random), level: .huffmanOnly)
        #expect(try Gzip.decompress(huffman, limit: 1 << 20) == Array(random))
    }

    @Test func compressesBeforeSealing() throws {
        var encoder = AsciicastEncoder()
        let encoded = encoder.event(.output, Data(count: 256 * 1024), at: 1)
        let output = Data(try #require(encoded))
        let key = SymmetricKey(size: .bits256)
        let sealed = try TranscriptChunk.seal(output, index: 0, sessionId: "alice-0123456789abcdef0", key: key)
        #expect(sealed.count < output.count / 100)
        #expect(try TranscriptChunk.open(sealed, index: 0, sessionId: "alice-0123456789abcdef0", key: key) == output)
    }

    @Test func namesChunksInOrder() {
        #expect(TranscriptChunk.key(prefix: "sessions/a/", index: 12) == "sessions/a/000012")
        #expect(TranscriptChunk.index(of: "sessions/a/000012", prefix: "sessions/a/") == 12)
        #expect(TranscriptChunk.index(of: "sessions/a/12", prefix: "sessions/a/") == nil)
        #expect(TranscriptChunk.index(of: "sessions/b/000012", prefix: "sessions/a/") == nil)
    }
}
