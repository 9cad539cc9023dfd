/// Where JSON text first stops being well-formed: the 1-based line and column of the first
/// character a JSON parser cannot accept (the end of the text when it ends too early). SSM names
/// this position in its `InvalidDocumentContent` text.
struct JSONSyntaxPosition: Equatable {
    var line: Int
    var column: Int

    /// The position of the first syntax error in `text`, or nil when it is well-formed JSON.
    static func firstError(in text: String) -> JSONSyntaxPosition? {
        var scanner = Scanner(characters: Array(text))
        do {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.index < scanner.characters.count { throw Scanner.Stop() }
            return nil
        } catch {
            return scanner.position()
        }
    }

    private struct Scanner {
        struct Stop: Error {}
        static let maxDepth = 512

        let characters: [Character]
        var index = 0

        var current: Character? { index < characters.count ? characters[index] : nil }

        mutating func skipSpace() {
            while let character = current, character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n" {
                index += 1
            }
        }

        mutating func expect(_ character: Character) throws {
            guard current == character else { throw Stop() }
            index += 1
        }

        mutating func value(depth: Int) throws {
            guard depth < Self.maxDepth, let character = current else { throw Stop() }
            switch character {
            case "{": try members(depth: depth)
            case "[": try items(depth: depth)
            case "\"": try string()
            case "t": try word("true")
            case "f": try word("false")
            case "n": try word("null")
            default: try number()
            }
        }

        mutating func members(depth: Int) throws {
            index += 1
            skipSpace()
            if current == "}" { index += 1; return }
            while true {
                try string()
                skipSpace()
                try expect(":")
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == "," { index += 1; skipSpace(); continue }
                try expect("}")
                return
            }
        }

        mutating func items(depth: Int) throws {
            index += 1
            skipSpace()
            if current == "]" { index += 1; return }
            while true {
                try value(depth: depth + 1)
                skipSpace()
                if current == "," { index += 1; skipSpace(); continue }
                try expect("]")
                return
            }
        }

        mutating func string() throws {
            try expect("\"")
            while let character = current {
                index += 1
                switch character {
                case "\"": return
                case "\\":
                    guard let escaped = current, "\"\\/bfnrtu".contains(escaped) else { throw Stop() }
                    index += 1
                    if escaped == "u" {
                        for _ in 0..<4 {
                            guard let digit = current, digit.isHexDigit else { throw Stop() }
                            index += 1
                        }
                    }
                default:
                    guard let scalar = character.unicodeScalars.first, scalar.value >= 0x20 else { index -= 1; throw Stop() }
                }
            }
            throw Stop()
        }

        mutating func word(_ literal: String) throws {
            for expected in literal { try expect(expected) }
        }

        mutating func number() throws {
            if current == "-" { index += 1 }
            guard let first = current, first.isASCII, first.isNumber else { throw Stop() }
            index += 1
            if first != "0" { digits() }
            if current == "." {
                index += 1
                guard current?.isASCII == true, current?.isNumber == true else { throw Stop() }
                digits()
            }
            if current == "e" || current == "E" {
                index += 1
                if current == "+" || current == "-" { index += 1 }
                guard current?.isASCII == true, current?.isNumber == true else { throw Stop() }
                digits()
            }
        }

        mutating func digits() {
            while let character = current, character.isASCII, character.isNumber { index += 1 }
        }

        func position() -> JSONSyntaxPosition {
            var line = 1
            var column = 1
            for character in characters[..<min(index, characters.count)] {
                if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
            }
            return JSONSyntaxPosition(line: line, column: column)
        }
    }
}
