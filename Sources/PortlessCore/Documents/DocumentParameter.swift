/// A parameter declared by a command document (schema 2.2).
public struct DocumentParameter: Sendable, Hashable, Codable {
    /// The six parameter types SSM documents declare.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case string = "String", stringList = "StringList", integer = "Integer", boolean = "Boolean"
        case stringMap = "StringMap", mapList = "MapList"

        /// Whether `minItems`/`maxItems` count this type's items.
        public var isList: Bool { self == .stringList || self == .mapList }
    }

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

    /// The default in the shape SendCommand's `Parameters` use (a list of strings), if it has one
    /// that fits the type.
    public var defaultValues: [String]? {
        defaultValue.flatMap { ParameterValues.wireValues(of: $0, as: type) }
    }
}
