public import Foundation

/// Writes an asciicast v2 transcript: a JSON header line, then one `[seconds, code, data]` line per event.
/// Terminal output may split a UTF-8 character between chunks, so each stream keeps the incomplete tail of
/// its last chunk for the next one; bytes that are not UTF-8 become U+FFFD.
public struct AsciicastEncoder: Sendable {
    /// What an event records.
    public enum Code: String, Sendable {
        case output = "o"
        case input = "i"
        case resize = "r"
    }

    private var carry: [Code: [UInt8]] = [:]

    public init() {}

    /// The header line (with its newline).
    public static func header(columns: Int, rows: Int, startedAt: Date, title: String) -> Data {
        let header: [String: JSONValue] = [
            "version": .number(2), "width": .number(Double(columns)), "height": .number(Double(rows)),
            "timestamp": .number(startedAt.timeIntervalSince1970.rounded(.down)), "title": .string(title),
            "env": .object(["TERM": .string("xterm-256color")]),
        ]
        return line(.object(header))
    }

    /// The event line for `bytes` at `seconds` into the session; nil when all of it waits for more bytes.
    /// Output that is all ASCII (most of it) is escaped as it is; other bytes go through `String`, which
    /// replaces what is not UTF-8.
    public mutating func event(_ code: Code, _ bytes: Data, at seconds: Double) -> [UInt8]? {
        let joined = carry[code].map { Data($0) + bytes } ?? bytes
        let keep = joined.withUnsafeBytes { Self.incompleteTail($0) }
        carry[code] = keep > 0 ? Array(joined.suffix(keep)) : nil
        let complete = joined.dropLast(keep)
        guard !complete.isEmpty else { return nil }
        return complete.withUnsafeBytes { raw in
            if Self.isASCII(raw) { return Self.eventLine(code, raw, at: seconds) }
            var text = String(decoding: raw, as: UTF8.self)
            return text.withUTF8 { Self.eventLine(code, UnsafeRawBufferPointer($0), at: seconds) }
        }
    }

    /// `[seconds, "code", "text"]` and a newline, written directly into a buffer sized for the worst case: a
    /// session's whole output passes through here, and a general JSON encoder spent more time on it than the rest
    /// of the relay. Each byte's JSON form comes from `escapes` and is stored eight bytes at once.
    static func eventLine(_ code: Code, _ bytes: UnsafeRawBufferPointer, at seconds: Double) -> [UInt8] {
        let head = Array("[\(timestamp(seconds)),\"\(code.rawValue)\",\"".utf8)
        let tail = Array("\"]\n".utf8)
        // Every byte escapes to at most six (`\u00XX`); the last eight-byte store may reach two bytes further.
        let capacity = head.count + bytes.count * 6 + tail.count + 2
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var at = 0
            for byte in head { buffer[at] = byte; at += 1 }
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            escapes.withUnsafeBufferPointer { table in
                for byte in bytes {
                    let escape = table[Int(byte)]
                    base.storeBytes(of: escape.bytes.littleEndian, toByteOffset: at, as: UInt64.self)
                    at += Int(escape.length)
                }
            }
            for byte in tail { buffer[at] = byte; at += 1 }
            count = at
        }
    }

    /// Each byte's form inside a JSON string: itself, a two-character escape, or `\u00XX` (little-endian
    /// bytes, padded to eight).
    private static let escapes: [(bytes: UInt64, length: UInt8)] = (0...255).map { value in
        let byte = UInt8(value)
        let form: [UInt8] = switch byte {
        case 0x22, 0x5C: [0x5C, byte]
        case 0x0A: Array(#"\n"#.utf8)
        case 0x0D: Array(#"\r"#.utf8)
        case 0x09: Array(#"\t"#.utf8)
        case ..<0x20: Array(String(format: "\\u%04x", value).utf8)
        default: [byte]
        }
        let bytes = form.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        return (bytes, UInt8(form.count))
    }

    /// Whether every byte is below 0x80, eight at a time.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        return bytes[offset...].allSatisfy { $0 < 0x80 }
    }

    /// Seconds (from 0) to the microsecond, as a JSON number: `2`, `0.25`, `12.000301`.
    static func timestamp(_ seconds: Double) -> String {
        let micros = Int64((max(0, seconds) * 1_000_000).rounded())
        let whole = micros / 1_000_000
        var fraction = micros % 1_000_000
        guard fraction > 0 else { return String(whole) }
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }

    /// How many bytes at the end of `bytes` begin a UTF-8 character not yet complete.
    static func incompleteTail(_ bytes: UnsafeRawBufferPointer) -> Int {
        for back in 1...min(3, max(1, bytes.count)) where back <= bytes.count {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }

    private static func line(_ value: JSONValue) -> Data {
        var data = (try? WireCoding.encoder().encode(value)) ?? Data()
        data.append(0x0A)
        return data
    }
}
