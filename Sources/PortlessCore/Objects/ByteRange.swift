/// An HTTP `Range: bytes=...` request resolved against an object's size.
public struct ByteRange: Sendable, Equatable {
    /// First byte offset, inclusive.
    public var first: Int
    /// Last byte offset, inclusive.
    public var last: Int

    /// Creates a range.
    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    /// Number of bytes in the range.
    public var count: Int { last - first + 1 }

    /// The outcome of parsing a `Range` header.
    public enum Resolution: Sendable, Equatable {
        /// Serve the whole object (no range, or a header S3 ignores, such as several ranges).
        case whole
        /// Serve this part (206).
        case partial(ByteRange)
        /// The range cannot be satisfied (416 InvalidRange).
        case unsatisfiable
    }

    /// Resolves a `Range` header value against `size`, as S3 does: `bytes=a-b`, `bytes=a-`,
    /// `bytes=-n`; a syntactically bad header or a multi-range is ignored (whole object).
    public static func resolve(_ header: String?, size: Int) -> Resolution {
        guard let header else { return .whole }
        let text = SigV4.trimmed(header)
        guard text.hasPrefix("bytes=") else { return .whole }
        let spec = text.dropFirst("bytes=".count)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let start = spec[..<dash].trimmingSpaces
        let end = spec[spec.index(after: dash)...].trimmingSpaces
        if start.isEmpty {
            guard let suffix = Int(end), suffix >= 0 else { return .whole }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .partial(ByteRange(first: max(0, size - suffix), last: size - 1))
        }
        guard let first = Int(start), first >= 0 else { return .whole }
        var last = size - 1
        if !end.isEmpty {
            guard let value = Int(end), value >= first else { return .whole }
            last = min(value, size - 1)
        }
        guard first < size else { return .unsatisfiable }
        return .partial(ByteRange(first: first, last: last))
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
