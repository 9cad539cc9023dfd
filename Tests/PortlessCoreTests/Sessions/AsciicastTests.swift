import Foundation
import PortlessCore
import Testing

// Asciicast v2 transcripts as `portless session replay` reads them, and the timing of their playback.

@Suite("Asciicast transcripts")
struct AsciicastTests {
    static let recording = """
        {"version": 2, "width": 80, "height": 24, "timestamp": 1764700000, "title": "mi-0123456789abcdef0"}
        [0.5, "o", "$ "]
        [1.25, "i", "ls\\r"]
        [1.5, "o", "ls\\r\\nbin  etc\\r\\n\\u001b[1m$ \\u001b[0m"]
        [2.0, "r", "120x40"]

        [3.0, "m", "chapter"]
        [4.0, "o", "é✓"]

        """

    @Test func readsHeaderAndEveryEvent() throws {
        let transcript = try AsciicastTranscript.parse(Self.recording)
        #expect(transcript.header == .init(width: 80, height: 24, timestamp: 1_764_700_000, title: "mi-0123456789abcdef0"))
        #expect(transcript.events.map(\.code) == ["o", "i", "o", "r", "m", "o"])
        #expect(transcript.events[2] == .init(time: 1.5, code: "o", data: "ls\r\nbin  etc\r\n\u{1b}[1m$ \u{1b}[0m"))
        #expect(transcript.events[5].data == "é✓")
    }

    @Test func playsOutputAndResizesOnlyAtRecordedTimes() throws {
        let cues = AsciicastPlayback.cues(for: try AsciicastTranscript.parse(Self.recording), speed: 1)
        #expect(cues == [
            .init(at: .milliseconds(500), step: .output("$ ")),
            .init(at: .milliseconds(1500), step: .output("ls\r\nbin  etc\r\n\u{1b}[1m$ \u{1b}[0m")),
            .init(at: .seconds(2), step: .resize(cols: 120, rows: 40)),
            .init(at: .seconds(4), step: .output("é✓")),
        ])
    }

    @Test func speedDividesEveryTime() throws {
        let cues = AsciicastPlayback.cues(for: try AsciicastTranscript.parse(Self.recording), speed: 4)
        #expect(cues.map(\.at) == [.milliseconds(125), .milliseconds(375), .milliseconds(500), .seconds(1)])
    }

    @Test func timeNeverRunsBackwardsAndBadResizesAreSkipped() {
        let transcript = AsciicastTranscript(header: .init(width: 80, height: 24), events: [
            .init(time: 2, code: "o", data: "a"), .init(time: 1, code: "o", data: "b"),
            .init(time: 3, code: "r", data: "wide"), .init(time: 3, code: "r", data: "0x10"), .init(time: 5, code: "o", data: "c"),
        ])
        #expect(AsciicastPlayback.cues(for: transcript, speed: 2) == [
            .init(at: .seconds(1), step: .output("a")), .init(at: .seconds(1), step: .output("b")),
            .init(at: .milliseconds(2500), step: .output("c")),
        ])
    }

    @Test(arguments: [
        ("", AsciicastError.malformed(line: 1, "an empty transcript")),
        ("not json\n[1, \"o\", \"x\"]", .malformed(line: 1, "the header is not an asciicast header")),
        ("{\"version\": 1, \"width\": 80, \"height\": 24}", .unsupportedVersion(1)),
        ("{\"version\": 2, \"width\": 80, \"height\": 24}\n[1, \"o\"]", .malformed(line: 2, "not a [time, code, data] event")),
        ("{\"version\": 2, \"width\": 80, \"height\": 24}\n\n[-1, \"o\", \"x\"]", .malformed(line: 3, "not a [time, code, data] event")),
        ("{\"version\": 2, \"width\": 80, \"height\": 24}\n[\"1\", \"o\", \"x\"]", .malformed(line: 2, "not a [time, code, data] event")),
    ])
    func malformedTranscriptsAreRefusedByLine(text: String, error: AsciicastError) {
        #expect(throws: error) { try AsciicastTranscript.parse(text) }
    }
}
