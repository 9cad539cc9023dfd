/// Reads a filter pattern character by character: words, quoted strings, operators.
struct FilterPatternScanner {
    private let characters: [Character]
    private(set) var index = 0

    init(_ text: String) { characters = Array(text) }

    var peek: Character? { index < characters.count ? characters[index] : nil }
    var isAtEnd: Bool { index >= characters.count }

    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let character = peek, character.isWhitespace { advance() }
    }

    /// Consumes `text` if it comes next (after spaces).
    mutating func take(_ text: String) -> Bool {
        skipSpaces()
        let wanted = Array(text)
        guard index + wanted.count <= characters.count, Array(characters[index..<index + wanted.count]) == wanted else { return false }
        index += wanted.count
        return true
    }

    /// Characters up to the next space or one of `stops`.
    mutating func word(stoppingAt stops: Set<Character> = []) -> String {
        var word = ""
        while let character = peek, !character.isWhitespace, !stops.contains(character) {
            word.append(character)
            advance()
        }
        return word
    }

    /// A `"…"` string (`\"` and `\\` escaped), without its quotes.
    mutating func quoted() throws(PortlessError) -> String {
        advance()
        var text = ""
        while let character = peek {
            advance()
            switch character {
            case "\"": return text
            case "\\":
                guard let escaped = peek else { throw PortlessError.Logs.invalidFilterPattern }
                text.append(escaped)
                advance()
            default: text.append(character)
            }
        }
        throw PortlessError.Logs.invalidFilterPattern
    }
}
