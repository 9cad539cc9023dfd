/// IAM returns policy documents URL-encoded (RFC 3986: everything but `A–Z a–z 0–9 - _ . ~` as `%XX`);
/// botocore and the aws CLI decode them.
public enum PolicyDocumentEncoding {
    public static func encode(_ document: String) -> String {
        var out = ""
        for byte in document.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
