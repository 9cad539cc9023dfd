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
    public mutating func event(_ code: Code, _ bytes: Data, at seconds: Double) -> Data? {
        var pending = (carry[code] ?? []) + bytes
        let keep = Self.incompleteTail(pending)
        carry[code] = Array(pending.suffix(keep))
        pending.removeLast(keep)
        guard !pending.isEmpty else { return nil }
        return Self.eventLine(code, String(decoding: pending, as: UTF8.self), at: seconds)
    }

    /// The event line for a terminal resize.
    public static func resize(columns: Int, rows: Int, at seconds: Double) -> Data {
        eventLine(.resize, "\(columns)x\(rows)", at: seconds)
    }

    /// `[seconds, "code", "text"]` and a newline, written directly into a buffer sized for the worst case: a
    /// session's whole output passes through here, and a general JSON encoder spent more time on it than the rest
    /// of the relay.
    static func eventLine(_ code: Code, _ text: String, at seconds: Double) -> Data {
        let head = Array("[\(timestamp(seconds)),\"\(code.rawValue)\",\"".utf8)
        let tail = Array("\"]\n".utf8)
        var text = text
        return text.withUTF8 { bytes in
            // Every byte escapes to at most six (`\u00XX`).
            let line = [UInt8](unsafeUninitializedCapacity: head.count + bytes.count * 6 + tail.count) { buffer, count in
                var at = 0
                for byte in head { buffer[at] = byte; at += 1 }
                for byte in bytes {
                    switch byte {
                    case 0x22, 0x5C:
                        buffer[at] = 0x5C
                        buffer[at + 1] = byte
                        at += 2
                    case 0x0A, 0x0D, 0x09:
                        buffer[at] = 0x5C
                        buffer[at + 1] = byte == 0x0A ? UInt8(ascii: "n") : byte == 0x0D ? UInt8(ascii: "r") : UInt8(ascii: "t")
                        at += 2
                    case ..<0x20:
                        buffer[at] = 0x5C
                        buffer[at + 1] = UInt8(ascii: "u")
                        buffer[at + 2] = UInt8(ascii: "0")
                        buffer[at + 3] = UInt8(ascii: "0")
                        buffer[at + 4] = byte < 0x10 ? UInt8(ascii: "0") : UInt8(ascii: "1")
                        let low = byte & 0x0F
                        buffer[at + 5] = low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10
                        at += 6
                    default:
                        buffer[at] = byte
                        at += 1
                    }
                }
                for byte in tail { buffer[at] = byte; at += 1 }
                count = at
            }
            return Data(line)
        }
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
    static func incompleteTail(_ bytes: [UInt8]) -> Int {
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
