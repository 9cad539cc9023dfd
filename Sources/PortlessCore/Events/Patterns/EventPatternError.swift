/// Why an event pattern is refused: EventBridge's reason and where its reader stood, worded as
/// `InvalidEventPatternException` words it once the pattern's text is known (``message(source:)``).
public struct EventPatternError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public var location: PatternLocation

    public init(_ reason: String, at location: PatternLocation) {
        self.reason = reason
        self.location = location
    }

    /// The reader quotes at most this many characters of the pattern, then says how many it left out.
    static let quotedLimit = 500

    /// `Event pattern is not valid. Reason: … at [Source: (String)"…"; line: L, column: C]`.
    public func message(source: String) -> String {
        var quoted = String(source.prefix(Self.quotedLimit))
        let left = source.count - quoted.count
        quoted = "\"" + quoted + "\"" + (left > 0 ? "[truncated \(left) chars]" : "")
        return "Event pattern is not valid. Reason: \(reason)\n at [Source: (String)\(quoted); line: \(location.line), column: \(location.column)]"
    }

    public var description: String { "\(reason) (line \(location.line), column \(location.column))" }
}
