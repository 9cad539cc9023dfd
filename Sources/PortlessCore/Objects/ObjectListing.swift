/// One page of ListObjectsV2 over a bucket's keys: keys, common prefixes, and where the next page starts.
public struct ObjectListing: Sendable, Equatable {
    /// Keys on this page, in UTF-8 byte order.
    public var keys: [String] = []
    /// Common prefixes (rolled up by the delimiter) on this page, in order.
    public var commonPrefixes: [String] = []
    /// Whether more entries follow.
    public var isTruncated = false
    /// The last key or prefix on this page (the marker the next page starts after), when truncated.
    public var nextMarker: String?

    /// Number of entries (keys plus common prefixes), `KeyCount` in the reply.
    public var count: Int { keys.count + commonPrefixes.count }

    /// Whether `a` sorts before `b` in S3's order (UTF-8 bytes).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The index just past the first occurrence of `needle` in `haystack`.
    static func endOfFirstMatch(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start + needle.count
        }
        return nil
    }

    /// Lists `sortedKeys` (already in UTF-8 byte order): those starting with `prefix` and sorting after
    /// `marker`, rolling up keys that contain `delimiter` after the prefix into common prefixes, at most
    /// `maxKeys` entries.
    public init(sortedKeys: [String], prefix: String, delimiter: String?, marker: String?, maxKeys: Int) {
        let delimiter = delimiter.flatMap { $0.isEmpty ? nil : $0 }
        var start = 0
        if let marker {
            // Binary search for the first key after the marker.
            var low = 0, high = sortedKeys.count
            while low < high {
                let mid = (low + high) / 2
                if Self.precedes(marker, sortedKeys[mid]) { high = mid } else { low = mid + 1 }
            }
            start = low
        }
        var index = start
        while index < sortedKeys.count {
            let key = sortedKeys[index]
            index += 1
            guard key.utf8.starts(with: prefix.utf8) else {
                if !prefix.isEmpty, Self.precedes(prefix, key) { break }
                continue
            }
            var entry = key
            var isPrefix = false
            if let delimiter {
                let rest = Array(key.utf8.dropFirst(prefix.utf8.count))
                let needle = Array(delimiter.utf8)
                if let end = Self.endOfFirstMatch(needle, in: rest) {
                    entry = prefix + String(decoding: rest[..<end], as: UTF8.self)
                    isPrefix = true
                }
            }
            if isPrefix {
                if let marker, !Self.precedes(marker, entry) { continue }
                if commonPrefixes.last == entry { continue }
            }
            if count >= maxKeys {
                isTruncated = true
                break
            }
            if isPrefix { commonPrefixes.append(entry) } else { keys.append(entry) }
            nextMarker = entry
        }
        if !isTruncated { nextMarker = nil }
    }
}
