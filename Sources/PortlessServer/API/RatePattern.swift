import PortlessCore

/// The MaxConcurrency and MaxErrors formats SSM accepts.
enum RatePattern {
    static let concurrencyPattern = "^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$"
    static let errorLimitPattern = "^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$"

    /// `concurrencyPattern`.
    static func isConcurrency(_ value: String) -> Bool {
        if let percent = percentage(value) { return (1...100).contains(percent) }
        return count(value).map { $0 >= 1 } ?? false
    }

    /// `errorLimitPattern`.
    static func isErrorLimit(_ value: String) -> Bool {
        if let percent = percentage(value) { return (0...100).contains(percent) }
        return count(value) != nil
    }

    /// AWS's validation text for a refused value: the model allows 1 to 7 characters matching `pattern`.
    static func violation(_ value: String, field: String, pattern: String) -> PortlessError {
        let rule: ConstraintViolation.Rule = value.isEmpty ? .minLength(1) : value.count > 7 ? .maxLength(7) : .pattern(pattern)
        return ConstraintViolation.error(.validation, value: value, field: field, rule)
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
