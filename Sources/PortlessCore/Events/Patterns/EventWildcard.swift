/// A `wildcard` match: `*` stands for any run of characters (none included); `\*` and `\\` are a literal star and
/// backslash. Compared over UTF-8 bytes.
struct EventWildcard: Sendable, Hashable {
    /// The literal runs between stars: a match starts with the first and ends with the last; the others
    /// appear in order between them.
    private var pieces: [[UInt8]]

    /// Parses `text`; `**` and any other escape are refused with EventBridge's reason, positions counted as
    /// EventBridge counts them (from the opening quote).
    init(parsing text: String) throws(EventWildcardError) {
        let bytes = Array(text.utf8)
        var pieces: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "*") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                    throw EventWildcardError(reason: "Consecutive wildcard characters at pos \(index + 1)")
                }
                pieces.append([])
            } else if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") || bytes[index + 1] == UInt8(ascii: "\\") else {
                    throw EventWildcardError(reason: "Invalid escape character at pos \(index + 1)")
                }
                pieces[pieces.count - 1].append(bytes[index + 1])
                index += 1
            } else {
                pieces[pieces.count - 1].append(byte)
            }
            index += 1
        }
        self.pieces = pieces
    }

    func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard pieces.count > 1 else { return bytes == pieces[0] }
        let first = pieces[0], last = pieces[pieces.count - 1]
        guard bytes.count >= first.count + last.count, bytes.starts(with: first), bytes.suffix(last.count).elementsEqual(last) else { return false }
        var position = first.count
        let end = bytes.count - last.count
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = Self.find(piece, in: bytes, from: position, to: end) else { return false }
            position = found + piece.count
        }
        return true
    }

    private static func find(_ piece: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= piece.count else { return nil }
        for offset in start...(end - piece.count) where bytes[offset] == piece[0] {
            if bytes[offset..<offset + piece.count].elementsEqual(piece) { return offset }
        }
        return nil
    }
}

/// Why a wildcard or CIDR range is malformed, in EventBridge's words.
struct EventWildcardError: Error, Sendable {
    var reason: String
}
