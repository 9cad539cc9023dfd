/// A compiled `*`/`?` pattern over UTF-8 bytes, matched without allocating: `*` matches any run of
/// characters (also none), `?` exactly one character. Literal bytes are 0–255; the two wildcards
/// are the units 256 and 257, so a literal `*` (from `${*}` or a variable's value) stays literal.
struct WildcardPattern: Sendable, Hashable {
    static let star: UInt16 = 256
    static let question: UInt16 = 257

    let units: [UInt16]
    let ignoresCase: Bool
    /// The pattern is `*` alone.
    let matchesEverything: Bool

    init(units: [UInt16], ignoresCase: Bool) {
        self.units = ignoresCase ? units.map { $0 < 256 ? UInt16(Self.fold(UInt8($0))) : $0 } : units
        self.ignoresCase = ignoresCase
        self.matchesEverything = !units.isEmpty && units.allSatisfy { $0 == Self.star }
    }

    /// `text` with `*` and `?` as wildcards.
    init(_ text: String, ignoresCase: Bool) {
        self.init(units: Self.units(wildcards: text), ignoresCase: ignoresCase)
    }

    static func units(wildcards text: String) -> [UInt16] {
        text.utf8.map { $0 == UInt8(ascii: "*") ? star : $0 == UInt8(ascii: "?") ? question : UInt16($0) }
    }

    static func units(literal text: String) -> [UInt16] { text.utf8.map { UInt16($0) } }

    func matches(_ text: String) -> Bool {
        if matchesEverything { return true }
        var text = text
        return text.withUTF8 { matches($0) }
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if matchesEverything { return true }
        return units.withUnsafeBufferPointer { Self.matches(units: $0, ignoresCase: ignoresCase, bytes) }
    }

    /// Matches `bytes` against pattern units (already folded to lowercase when `ignoresCase`).
    static func matches(units pattern: UnsafeBufferPointer<UInt16>, ignoresCase: Bool, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = pattern.count
        var p = 0, t = 0, starAt = -1, resumeAt = 0
        while t < bytes.count {
            if p < count {
                let unit = pattern[p]
                if unit == star {
                    starAt = p
                    resumeAt = t
                    p += 1
                    continue
                }
                if unit == question {
                    p += 1
                    t = nextCharacter(bytes, after: t)
                    continue
                }
                let byte = ignoresCase ? fold(bytes[t]) : bytes[t]
                if unit == UInt16(byte) {
                    p += 1
                    t += 1
                    continue
                }
            }
            guard starAt >= 0 else { return false }
            p = starAt + 1
            resumeAt += 1
            t = resumeAt
        }
        while p < count, pattern[p] == star { p += 1 }
        return p == count
    }

    /// The index after the UTF-8 character starting at `index`.
    static func nextCharacter(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Int {
        var next = index + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
