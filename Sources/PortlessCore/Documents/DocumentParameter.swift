/// A parameter declared by a command document (schema 2.2).
public struct DocumentParameter: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case string = "String", stringList = "StringList" }

    public var type: Kind
    public var description: String?
    public var defaultValue: JSONValue?
    public var allowedValues: [String]?
    public var allowedPattern: String?
    public var minChars: Int?
    public var maxChars: Int?
    public var minItems: Int?
    public var maxItems: Int?
    public var displayType: String?
    /// `ENV_VAR` keeps the value out of shell text: scripts see it only as `$SSM_<name>`.
    public var interpolationType: String?

    /// Whether the value reaches scripts only through the environment.
    public var isEnvironmentOnly: Bool { interpolationType == "ENV_VAR" }

    enum CodingKeys: String, CodingKey {
        case type, description, allowedValues, allowedPattern, minChars, maxChars, minItems, maxItems, displayType, interpolationType
        case defaultValue = "default"
    }

    /// The default as a list of strings, the shape SendCommand's `Parameters` use.
    public var defaultValues: [String]? {
        switch defaultValue {
        case .string(let value): [value]
        case .array(let items): items.compactMap(\.stringValue)
        case .number(let value): [value.rounded() == value ? String(Int(value)) : String(value)]
        case .bool(let value): [String(value)]
        case .null, .object, nil: nil
        }
    }
}
