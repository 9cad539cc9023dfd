/// A compliance type: AWS's own `Association` and `Patch`, or `Custom:` followed by a name.
public struct ComplianceType: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The longest type SSM accepts.
    public static let maxLength = 100
    /// SSM's pattern for a type (botocore's `ComplianceTypeName`), quoted in errors. Smithy patterns are not
    /// anchored, so AWS accepts names such as `Custom:KISA-Unix`; `wholeName` is what Portless checks.
    public static let pattern = #"[A-Za-z0-9_\-]\w+|Custom:[a-zA-Z0-9_\-]\w+"#
    /// The whole name: a word, or `Custom:` and a word, hyphens allowed after the first character.
    static let wholeName = #"(Custom:)?[A-Za-z0-9_\-][\w\-]+"#
    public static let association = ComplianceType(validated: "Association")
    public static let patch = ComplianceType(validated: "Patch")

    /// The type as SSM spells it.
    public let name: String

    /// Whether this is a `Custom:` type (the ones a resource may have at most ten of).
    public var isCustom: Bool { name.hasPrefix("Custom:") }

    /// The type `name`, if it matches SSM's pattern and length.
    public init?(_ name: String) {
        guard (1...Self.maxLength).contains(name.count), (try? Regex(Self.wholeName).wholeMatch(in: name)) != nil else { return nil }
        self.name = name
    }

    /// `Custom:<name>`, if the result is a valid type.
    public static func custom(_ name: String) -> ComplianceType? { ComplianceType("Custom:\(name)") }

    private init(validated name: String) { self.name = name }

    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public var description: String { name }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.name < rhs.name }
}
