/// The MaxConcurrency and MaxErrors formats SSM accepts.
enum RatePattern {
    /// `^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$`
    static func isConcurrency(_ value: String) -> Bool {
        if let percent = percentage(value) { return (1...100).contains(percent) }
        return count(value).map { $0 >= 1 } ?? false
    }

    /// `^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$`
    static func isErrorLimit(_ value: String) -> Bool {
        if let percent = percentage(value) { return (0...100).contains(percent) }
        return count(value) != nil
    }

    private static func percentage(_ value: String) -> Int? {
        guard value.hasSuffix("%") else { return nil }
        return count(String(value.dropLast()))
    }

    private static func count(_ value: String) -> Int? {
        guard !value.isEmpty, value.count <= 9, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber),
              value == "0" || !value.hasPrefix("0") else { return nil }
        return Int(value)
    }
}
