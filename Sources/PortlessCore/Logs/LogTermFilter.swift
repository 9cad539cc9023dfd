import Foundation

/// The terms form of a filter pattern: every plain term must occur in the message, no `-` term may, and when
/// `?` terms are given at least one of them must. Terms are case-sensitive; a term with characters other than
/// letters, digits, `_`, `.`, `-`, `:` and `/` must be quoted.
struct LogTermFilter: Sendable {
    var required: [String] = []
    var excluded: [String] = []
    var optional: [String] = []

    init(parsing text: String) throws(PortlessError) {
        var scanner = FilterPatternScanner(text)
        while true {
            scanner.skipSpaces()
            guard let first = scanner.peek else { break }
            var kind = first
            if first == "?" || first == "-" { scanner.advance() } else { kind = " " }
            let term: String
            if scanner.peek == "\"" {
                term = try scanner.quoted()
            } else {
                term = scanner.word()
                guard !term.isEmpty else { throw PortlessError.Logs.invalidFilterPattern }
                if let bad = term.first(where: { !Self.isTermCharacter($0) }) {
                    throw PortlessError.Logs.invalidTermCharacters(String(bad))
                }
            }
            switch kind {
            case "?": optional.append(term)
            case "-": excluded.append(term)
            default: required.append(term)
            }
        }
    }

    static func isTermCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_.-:/".contains(character)
    }

    func matches(_ message: String) -> Bool {
        required.allSatisfy { message.contains($0) }
            && !excluded.contains { message.contains($0) }
            && (optional.isEmpty || optional.contains { message.contains($0) })
    }
}
