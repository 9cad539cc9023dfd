/// RFC 3986 percent-encoding as SigV4 uses it for canonical paths and queries.
///
/// Unreserved characters (`A-Z a-z 0-9 - _ . ~`) stay as they are; every other
/// byte of the UTF-8 form becomes `%XX` with upper-case hex digits (a space is `%20`).
public enum SigV4URIEncoding {
    /// Whether `byte` is an RFC 3986 unreserved character.
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Percent-encodes bytes, keeping unreserved characters (and `/` when `keepSlash`).
    public static func encode<Bytes: Sequence>(bytes: Bytes, keepSlash: Bool = false) -> String
    where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 3)
        for byte in bytes {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes the UTF-8 form of `string`, keeping unreserved characters
    /// (and `/` when `keepSlash`, as for an S3 object key in a path).
    public static func encode(_ string: String, keepSlash: Bool = false) -> String {
        encode(bytes: string.utf8, keepSlash: keepSlash)
    }

    /// Percent-decodes to bytes. `%XX` with two hex digits becomes one byte; a `%`
    /// not followed by two hex digits is kept literally. With `plusAsSpace`, `+` is a space
    /// (the form-encoding convention used for query strings).
    public static func decode<Bytes: Collection>(bytes: Bytes, plusAsSpace: Bool) -> [UInt8]
    where Bytes.Element == UInt8 {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return out
    }

    /// Percent-decodes `string` (see ``decode(bytes:plusAsSpace:)``) into text;
    /// bytes that are not valid UTF-8 become U+FFFD.
    public static func decode(_ string: some StringProtocol, plusAsSpace: Bool) -> String {
        String(decoding: decode(bytes: string.utf8, plusAsSpace: plusAsSpace), as: UTF8.self)
    }

    /// Splits a raw query string (no leading `?`) into raw name and value parts, in order.
    /// Empty `&&` segments are skipped; a part without `=` has an empty value.
    static func rawQueryPairs(_ query: some StringProtocol) -> [(name: Substring, value: Substring)] {
        let query = Substring(query)
        var pairs: [(name: Substring, value: Substring)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            if let equals = part.firstIndex(of: "=") {
                pairs.append((Substring(part[..<equals]), Substring(part[part.index(after: equals)...])))
            } else {
                pairs.append((Substring(part), Substring()))
            }
        }
        return pairs
    }

    /// Splits and decodes a raw query string into name/value pairs, in order, with
    /// repeats kept. `+` decodes to a space; a name without `=` has an empty value.
    public static func decodeQuery(_ query: String) -> [(name: String, value: String)] {
        rawQueryPairs(query).map { pair in
            (decode(pair.name, plusAsSpace: true), decode(pair.value, plusAsSpace: true))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
