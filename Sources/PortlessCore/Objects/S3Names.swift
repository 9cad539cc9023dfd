/// S3's rules for bucket names and object keys.
public enum S3Names {
    /// The longest object key S3 accepts, in UTF-8 bytes.
    public static let maximumKeyLength = 1024

    /// Whether `name` is a valid bucket name: 3–63 characters of lower-case letters, digits, dots
    /// and hyphens, beginning and ending with a letter or digit, no `..`, `.-` or `-.`, and not
    /// shaped like an IPv4 address.
    public static func isValidBucketName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count) else { return false }
        func isLowerAlnum(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = bytes.first, let last = bytes.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        for byte in bytes where !(isLowerAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")) {
            return false
        }
        if name.contains("..") || name.contains(".-") || name.contains("-.") { return false }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let looksLikeIP = parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        return !looksLikeIP
    }

    /// Why `key` is not a usable object key, or nil if it is: empty, longer than 1024 UTF-8 bytes,
    /// containing NUL, or containing a `..` path segment (path traversal).
    public static func keyProblem(_ key: String) -> String? {
        let count = key.utf8.count
        if count == 0 { return "The object key must not be empty." }
        if count > maximumKeyLength { return "Your key is too long: \(count) bytes; the limit is \(maximumKeyLength)." }
        if key.utf8.contains(0) { return "The object key must not contain NUL characters." }
        if key.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." }) {
            return "The object key must not contain '..' path segments."
        }
        return nil
    }
}
