/// A file in a tar archive: a relative path, its bytes and its permission bits.
public struct TarEntry: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]
    public var mode: Int

    public init(path: String, bytes: [UInt8], mode: Int = 0o644) {
        self.path = path
        self.bytes = bytes
        self.mode = mode
    }
}

/// POSIX ustar archives of regular files, written and read in memory. Reading accepts regular files
/// and directories only, and no path that is absolute or climbs out with `..`.
public enum TarArchive {
    static let block = 512

    /// The archive of `entries`, in their order, with fixed owner (0), times (`mtime`) and no user names,
    /// so the same files always make the same bytes.
    public static func write(_ entries: [TarEntry], mtime: Int = 0) throws(BundleError) -> [UInt8] {
        var archive: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            guard !name.isEmpty, name.count <= 100 else { throw BundleError("Path '\(entry.path)' is empty or longer than 100 bytes.") }
            var header = [UInt8](repeating: 0, count: block)
            header.replaceSubrange(0..<name.count, with: name)
            put(octal: entry.mode & 0o7777, width: 8, at: 100, in: &header)
            put(octal: 0, width: 8, at: 108, in: &header)
            put(octal: 0, width: 8, at: 116, in: &header)
            put(octal: entry.bytes.count, width: 12, at: 124, in: &header)
            put(octal: mtime, width: 12, at: 136, in: &header)
            header[156] = UInt8(ascii: "0")
            header.replaceSubrange(257..<263, with: Array("ustar\0".utf8))
            header.replaceSubrange(263..<265, with: Array("00".utf8))
            header.replaceSubrange(148..<156, with: [UInt8](repeating: UInt8(ascii: " "), count: 8))
            put(octal: header.reduce(0) { $0 + Int($1) }, width: 7, at: 148, in: &header)
            header[155] = UInt8(ascii: " ")
            archive += header
            archive += entry.bytes
            archive += [UInt8](repeating: 0, count: (block - entry.bytes.count % block) % block)
        }
        return archive + [UInt8](repeating: 0, count: 2 * block)
    }

    /// The regular files of an archive; directories are skipped, anything else is refused.
    public static func read(_ archive: [UInt8]) throws(BundleError) -> [TarEntry] {
        var entries: [TarEntry] = []
        var offset = 0
        while offset + block <= archive.count {
            let header = Array(archive[offset..<(offset + block)])
            if header.allSatisfy({ $0 == 0 }) { return entries }
            let expected = octal(header[148..<156])
            var sum = header
            sum.replaceSubrange(148..<156, with: [UInt8](repeating: UInt8(ascii: " "), count: 8))
            guard let expected, expected == sum.reduce(0, { $0 + Int($1) }) else { throw BundleError("A tar header's checksum is wrong.") }
            let name = string(header[0..<100])
            let prefix = string(header[345..<500])
            let path = prefix.isEmpty ? name : prefix + "/" + name
            guard let size = octal(header[124..<136]), let mode = octal(header[100..<108]) else { throw BundleError("A tar header is not readable.") }
            let type = header[156]
            let start = offset + block
            guard start + size <= archive.count else { throw BundleError("The archive ends inside '\(path)'.") }
            try check(path)
            switch type {
            case UInt8(ascii: "0"), 0:
                entries.append(TarEntry(path: normalized(path), bytes: Array(archive[start..<(start + size)]), mode: mode))
            case UInt8(ascii: "5"):
                break
            default:
                throw BundleError("'\(path)' is not a regular file or directory (links and devices are refused).")
            }
            offset = start + (size + block - 1) / block * block
        }
        throw BundleError("The archive has no end-of-archive marker.")
    }

    private static func check(_ path: String) throws(BundleError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else { throw BundleError("Path '\(path)' is absolute or leaves the bundle.") }
    }

    private static func normalized(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    private static func put(octal value: Int, width: Int, at offset: Int, in header: inout [UInt8]) {
        let digits = Array(String(value, radix: 8).utf8)
        let padded = [UInt8](repeating: UInt8(ascii: "0"), count: max(0, width - 1 - digits.count)) + digits
        header.replaceSubrange(offset..<(offset + padded.count), with: padded)
    }

    private static func octal(_ field: ArraySlice<UInt8>) -> Int? {
        let text = string(field).trimmingSpaces
        return text.isEmpty ? 0 : Int(text, radix: 8)
    }

    private static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
