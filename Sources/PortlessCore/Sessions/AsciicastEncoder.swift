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
        return Self.line(.array([.number((seconds * 1_000_000).rounded() / 1_000_000), .string(code.rawValue),
                                 .string(String(decoding: pending, as: UTF8.self))]))
    }

    /// The event line for a terminal resize.
    public static func resize(columns: Int, rows: Int, at seconds: Double) -> Data {
        line(.array([.number((seconds * 1_000_000).rounded() / 1_000_000), .string(Code.resize.rawValue), .string("\(columns)x\(rows)")]))
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
