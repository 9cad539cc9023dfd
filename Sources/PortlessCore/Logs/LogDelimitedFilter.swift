/// The `[ … ]` form of a filter pattern: one slot per space-delimited field of the message (`[ip, user, …,
/// status = 4*, bytes > 1000]`), `...` standing for any number of fields. A slot may test its own field with
/// comparisons joined by `&&` and `||`. Text in `"…"` or `[…]` in the message is one field.
struct LogDelimitedFilter: Sendable {
    enum Slot: Sendable {
        case ellipsis
        case field(name: String, test: [[LogFilterComparison]])
    }

    let slots: [Slot]

    init(parsing text: String) throws(PortlessError) {
        var scanner = FilterPatternScanner(text)
        var slots: [Slot] = []
        repeat {
            slots.append(try Self.slot(&scanner))
        } while scanner.take(",")
        scanner.skipSpaces()
        guard scanner.isAtEnd else { throw PortlessError.Logs.invalidFilterPattern }
        self.slots = slots
    }

    func matches(_ message: String) -> Bool {
        Self.match(slots[...], Self.fields(of: message)[...])
    }

    /// A slot: `...`, or a name with an optional test (`||` of `&&` groups of comparisons on that name).
    private static func slot(_ scanner: inout FilterPatternScanner) throws(PortlessError) -> Slot {
        if scanner.take("...") { return .ellipsis }
        scanner.skipSpaces()
        let name = scanner.word(stoppingAt: [",", "=", "!", "<", ">", "&", "|"])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { throw PortlessError.Logs.invalidFilterPattern }
        var test: [[LogFilterComparison]] = []
        scanner.skipSpaces()
        guard let next = scanner.peek, next != "," else { return .field(name: name, test: []) }
        var group = [try LogFilterComparison(scanning: &scanner, stops: [",", "&", "|"])]
        while true {
            if scanner.take("&&") {
                try expect(name, &scanner)
                group.append(try LogFilterComparison(scanning: &scanner, stops: [",", "&", "|"]))
            } else if scanner.take("||") {
                test.append(group)
                try expect(name, &scanner)
                group = [try LogFilterComparison(scanning: &scanner, stops: [",", "&", "|"])]
            } else {
                break
            }
        }
        test.append(group)
        return .field(name: name, test: test)
    }

    /// A slot's further comparisons must name the slot's own field.
    private static func expect(_ name: String, _ scanner: inout FilterPatternScanner) throws(PortlessError) {
        scanner.skipSpaces()
        guard scanner.word(stoppingAt: ["=", "!", "<", ">"]) == name else { throw PortlessError.Logs.invalidFilterPattern }
    }

    private static func match(_ slots: ArraySlice<Slot>, _ fields: ArraySlice<String>) -> Bool {
        guard let slot = slots.first else { return fields.isEmpty }
        switch slot {
        case .ellipsis:
            return (fields.startIndex...fields.endIndex).contains { match(slots.dropFirst(), fields[$0...]) }
        case .field(_, let test):
            guard let field = fields.first else { return false }
            let satisfied = test.isEmpty || test.contains { group in group.allSatisfy { $0.holds(text: field, number: Double(field)) } }
            return satisfied && match(slots.dropFirst(), fields.dropFirst())
        }
    }

    /// The message split at spaces, with `"…"` and `[…]` kept whole and their brackets removed.
    static func fields(of message: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var closing: Character?
        var inField = false
        for character in message {
            if let end = closing {
                if character == end { closing = nil } else { current.append(character) }
            } else if character.isWhitespace {
                if inField { fields.append(current) }
                current = ""
                inField = false
            } else if !inField && (character == "\"" || character == "[") {
                closing = character == "\"" ? "\"" : "]"
                inField = true
            } else {
                current.append(character)
                inField = true
            }
        }
        if inField { fields.append(current) }
        return fields
    }
}
