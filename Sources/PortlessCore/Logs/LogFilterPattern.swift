import Foundation

/// A CloudWatch Logs filter pattern (FilterLogEvents' `filterPattern`), parsed once and matched against many
/// messages. It takes CloudWatch Logs' three forms: terms for unstructured text (`ERROR`, `"Internal Error"`,
/// `?ERROR ?WARN`, `ERROR -Exiting`), `{ … }` for JSON events and `[ … ]` for space-delimited events.
public struct LogFilterPattern: Sendable {
    enum Form: Sendable {
        case everything
        case terms(LogTermFilter)
        case json(LogJSONFilter)
        case delimited(LogDelimitedFilter)
    }

    let form: Form

    /// The most characters a pattern may have, as the service model says.
    public static let maxLength = 1024

    /// Parses `text`; a pattern CloudWatch Logs would refuse throws `InvalidParameterException` with its text.
    public init(_ text: String) throws(PortlessError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "\"\"" {
            form = .everything
        } else if trimmed.hasPrefix("{") {
            guard trimmed.hasSuffix("}") else { throw PortlessError.Logs.patternMustEndWithBrace }
            form = .json(try LogJSONFilter(parsing: String(trimmed.dropFirst().dropLast())))
        } else if trimmed.hasPrefix("[") {
            guard trimmed.hasSuffix("]") else { throw PortlessError.Logs.invalidFilterPattern }
            form = .delimited(try LogDelimitedFilter(parsing: String(trimmed.dropFirst().dropLast())))
        } else {
            form = .terms(try LogTermFilter(parsing: trimmed))
        }
    }

    /// Whether `message` matches.
    public func matches(_ message: String) -> Bool {
        switch form {
        case .everything: true
        case .terms(let filter): filter.matches(message)
        case .json(let filter): filter.matches(message)
        case .delimited(let filter): filter.matches(message)
        }
    }
}
