public import Foundation

/// A session transcript in asciicast v2: a JSON header line, then one JSON array per line,
/// `[seconds since start, code, data]` — `o` output, `i` input, `r` a resize (`COLSxROWS`), `m` a marker.
public struct AsciicastTranscript: Sendable, Equatable {
    /// The header line; only `version` 2 is read, `width` and `height` are the starting size.
    public struct Header: Sendable, Equatable, Codable {
        public var version: Int
        public var width: Int
        public var height: Int
        public var timestamp: Int?
        public var title: String?

        public init(version: Int = 2, width: Int, height: Int, timestamp: Int? = nil, title: String? = nil) {
            self.version = version
            self.width = width
            self.height = height
            self.timestamp = timestamp
            self.title = title
        }
    }

    /// One event line.
    public struct Event: Sendable, Equatable {
        /// Seconds since the start of the recording.
        public var time: Double
        /// `o`, `i`, `r` or `m` (other codes are kept and skipped by playback).
        public var code: String
        public var data: String

        public init(time: Double, code: String, data: String) {
            self.time = time
            self.code = code
            self.data = data
        }
    }

    public var header: Header
    public var events: [Event]

    public init(header: Header, events: [Event]) {
        self.header = header
        self.events = events
    }

    /// Reads an asciicast v2 text. Blank lines are skipped; any other line that is not an event fails,
    /// naming its line number.
    public static func parse(_ text: String) throws(AsciicastError) -> AsciicastTranscript {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }.makeIterator()
        guard let (_, first) = lines.next() else { throw .malformed(line: 1, "an empty transcript") }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(first.utf8)) else {
            throw .malformed(line: 1, "the header is not an asciicast header")
        }
        guard header.version == 2 else { throw .unsupportedVersion(header.version) }
        var events: [Event] = []
        while let (index, line) = lines.next() {
            guard let event = event(from: line) else { throw .malformed(line: index + 1, "not a [time, code, data] event") }
            events.append(event)
        }
        return AsciicastTranscript(header: header, events: events)
    }

    private static func event(from line: Substring) -> Event? {
        guard let fields = try? JSONDecoder().decode([JSONValue].self, from: Data(line.utf8)), fields.count == 3,
              case .number(let time) = fields[0], time >= 0,
              let code = fields[1].stringValue, let data = fields[2].stringValue else { return nil }
        return Event(time: time, code: code, data: data)
    }
}

/// A transcript that is not asciicast v2.
public enum AsciicastError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(line: Int, String)
    case unsupportedVersion(Int)

    public var description: String {
        switch self {
        case .malformed(let line, let reason): "transcript line \(line): \(reason)"
        case .unsupportedVersion(let version): "asciicast version \(version) is not supported (only 2)"
        }
    }
}
