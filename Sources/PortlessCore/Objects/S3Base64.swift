public import Foundation

/// Base64 as S3 uses it for `Content-MD5` and `x-amz-checksum-*`.
public enum S3Base64 {
    /// Standard base64 with padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of a standard base64 string, or nil if it is not one.
    public static func decode(_ text: String) -> [UInt8]? {
        Data(base64Encoded: text).map { Array($0) }
    }
}
