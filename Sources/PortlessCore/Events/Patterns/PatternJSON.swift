/// Where a pattern's JSON reader stands: the line, and the column of the next character (both 1-based), as
/// EventBridge's error messages give it (`line: 1, column: 40`).
public struct PatternLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int
}

/// An event pattern's JSON, read with the location after each token so that a refusal can say where it is.
/// Object members keep their order; numbers keep their text.
indirect enum PatternJSON: Sendable {
    /// A member of an object: its name, where the name ends, and its value.
    struct Member: Sendable {
        var name: String
        var nameEnd: PatternLocation
        var value: PatternJSON
    }

    /// `start` is after `{`, `end` after `}`.
    case object([Member], start: PatternLocation, end: PatternLocation)
    /// `start` is after `[`, `end` after `]`.
    case array([PatternJSON], start: PatternLocation, end: PatternLocation)
    case string(String, end: PatternLocation)
    case number(text: String, value: Double, end: PatternLocation)
    case bool(Bool, end: PatternLocation)
    case null(end: PatternLocation)

    /// Where the reader is right after this value's first token (what a refusal at that token cites).
    var start: PatternLocation {
        switch self {
        case .object(_, let start, _), .array(_, let start, _): start
        case .string(_, let end), .number(_, _, let end), .bool(_, let end), .null(let end): end
        }
    }

    /// Where the reader is right after the whole value.
    var end: PatternLocation {
        switch self {
        case .object(_, _, let end), .array(_, _, let end), .string(_, let end), .number(_, _, let end), .bool(_, let end), .null(let end): end
        }
    }
}

/// Reads JSON text into ``PatternJSON``; malformed text is refused in the words of EventBridge's JSON reader.
struct PatternJSONReader {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The first JSON value of the text (what follows it is not read, as EventBridge does not read it).
    mutating func read() throws(EventPatternError) -> PatternJSON {
        skipSpace()
        guard index < bytes.count else { throw fail("No content to map due to end-of-input") }
        return try value(depth: 0)
    }

    var location: PatternLocation { PatternLocation(line: line, column: index - lineStart + 1) }

    private func fail(_ reason: String) -> EventPatternError { EventPatternError(reason, at: location) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            default:
                return
            }
        }
    }

    private mutating func value(depth: Int) throws(EventPatternError) -> PatternJSON {
        guard depth < 64 else { throw fail("Maximum nesting depth exceeded") }
        guard index < bytes.count else { throw fail("Unexpected end-of-input: expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            return try object(depth: depth)
        case UInt8(ascii: "["):
            index += 1
            return try array(depth: depth)
        case UInt8(ascii: "\""):
            let text = try string()
            return .string(text, end: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        default:
            return try keyword()
        }
    }

    private mutating func object(depth: Int) throws(EventPatternError) -> PatternJSON {
        let start = location
        var members: [PatternJSON.Member] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([], start: start, end: location)
        }
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("Unexpected end-of-input: expected close marker for Object") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw unexpected("was expecting double-quote to start field name")
            }
            let name = try string()
            let nameEnd = location
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw index < bytes.count ? unexpected("was expecting a colon to separate field name and value")
                    : fail("Unexpected end-of-input: expected close marker for Object")
            }
            index += 1
            skipSpace()
            members.append(.init(name: name, nameEnd: nameEnd, value: try value(depth: depth + 1)))
            skipSpace()
            guard index < bytes.count else { throw fail("Unexpected end-of-input: expected close marker for Object") }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members, start: start, end: location)
            }
            guard bytes[index] == UInt8(ascii: ",") else { throw unexpected("was expecting comma to separate Object entries") }
            index += 1
        }
    }

    private mutating func array(depth: Int) throws(EventPatternError) -> PatternJSON {
        let start = location
        var elements: [PatternJSON] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([], start: start, end: location)
        }
        while true {
            skipSpace()
            elements.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw fail("Unexpected end-of-input: expected close marker for Array") }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements, start: start, end: location)
            }
            guard bytes[index] == UInt8(ascii: ",") else { throw unexpected("was expecting comma to separate Array entries") }
            index += 1
        }
    }

    private mutating func string() throws(EventPatternError) -> String {
        index += 1
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(8)
                case UInt8(ascii: "f"): scalars.append(12)
                case UInt8(ascii: "n"): scalars.append(10)
                case UInt8(ascii: "r"): scalars.append(13)
                case UInt8(ascii: "t"): scalars.append(9)
                case UInt8(ascii: "u"):
                    scalars.append(contentsOf: Array(String(try unicodeEscape()).utf8))
                default:
                    throw fail("Unrecognized character escape '\(Character(Unicode.Scalar(escape)))' (code \(escape))")
                }
            case 0..<0x20:
                throw fail("Illegal unquoted character ((CTRL-CHAR, code \(byte))): has to be escaped using backslash to be included in string value")
            default:
                scalars.append(byte)
            }
        }
        throw fail("Unexpected end-of-input: was expecting closing quote for a string value")
    }

    private mutating func hex4() throws(EventPatternError) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw fail("Unexpected character in a \\u escape: expected a hex-digit for character escape sequence")
        }
        index += 4
        return value
    }

    private mutating func unicodeEscape() throws(EventPatternError) -> Character {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            let low = try hex4()
            if let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) { return Character(scalar) }
        }
        return Character(Unicode.Scalar(high) ?? "\u{FFFD}")
    }

    private mutating func number() throws(EventPatternError) -> PatternJSON {
        let begin = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout PatternJSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) { reader.index += 1 }
            return reader.index - first
        }
        guard digits(&self) > 0 else { throw unexpected("expected digit (0-9) to follow minus sign, for valid numeric value") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw unexpected("Decimal point not followed by a digit") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw unexpected("Exponent indicator not followed by a digit") }
        }
        let text = String(decoding: bytes[begin..<index], as: UTF8.self)
        return .number(text: text, value: Double(text) ?? 0, end: location)
    }

    private mutating func keyword() throws(EventPatternError) -> PatternJSON {
        let begin = index
        while index < bytes.count, (bytes[index] >= UInt8(ascii: "a") && bytes[index] <= UInt8(ascii: "z"))
            || (bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z")) || bytes[index] >= 0x80 {
            index += 1
        }
        let word = String(decoding: bytes[begin..<index], as: UTF8.self)
        switch word {
        case "true": return .bool(true, end: location)
        case "false": return .bool(false, end: location)
        case "null": return .null(end: location)
        case "":
            index += 1
            throw unexpectedCharacter(bytes[begin], "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
        default:
            throw fail("Unrecognized token '\(word)': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
        }
    }

    private mutating func unexpected(_ expectation: String) -> EventPatternError {
        guard index < bytes.count else { return fail("Unexpected end-of-input: \(expectation)") }
        let byte = bytes[index]
        index += 1
        return unexpectedCharacter(byte, expectation)
    }

    private func unexpectedCharacter(_ byte: UInt8, _ expectation: String) -> EventPatternError {
        fail("Unexpected character ('\(Character(Unicode.Scalar(byte)))' (code \(byte))): \(expectation)")
    }
}
