public import Crypto

/// ETags as S3 makes them.
public enum S3ETag {
    /// The quoted lower-case hex of an MD5 digest: `"9e107d9d372bb6826bd81d3542a419d6"`.
    public static func quoted(md5: some Sequence<UInt8>) -> String {
        "\"" + SigV4.hex(md5) + "\""
    }

    /// A multipart object's ETag: the MD5 of the parts' binary MD5s, then `-<part count>`, quoted.
    public static func multipart(partMD5s: [[UInt8]]) -> String {
        var md5 = Insecure.MD5()
        for part in partMD5s { md5.update(data: part) }
        return "\"" + SigV4.hex(md5.finalize()) + "-\(partMD5s.count)\""
    }

    /// The MD5 bytes of a single-part quoted ETag, or nil if it is not one.
    public static func md5Bytes(ofQuoted etag: String) -> [UInt8]? {
        var text = Substring(etag)
        if text.hasPrefix("\"") { text = text.dropFirst() }
        if text.hasSuffix("\"") { text = text.dropLast() }
        let bytes = Array(text.utf8)
        guard bytes.count == 32 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < 32 {
            guard let high = hexNibble(bytes[index]), let low = hexNibble(bytes[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func hexNibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
