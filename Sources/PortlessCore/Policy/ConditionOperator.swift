/// A condition operator without its `ForAnyValue:`/`ForAllValues:` qualifier and `IfExists` suffix.
enum ConditionOperator: String, Sendable, Hashable, CaseIterable {
    case stringEquals = "StringEquals", stringNotEquals = "StringNotEquals"
    case stringEqualsIgnoreCase = "StringEqualsIgnoreCase", stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
    case stringLike = "StringLike", stringNotLike = "StringNotLike"
    case numericEquals = "NumericEquals", numericNotEquals = "NumericNotEquals"
    case numericLessThan = "NumericLessThan", numericLessThanEquals = "NumericLessThanEquals"
    case numericGreaterThan = "NumericGreaterThan", numericGreaterThanEquals = "NumericGreaterThanEquals"
    case dateEquals = "DateEquals", dateNotEquals = "DateNotEquals"
    case dateLessThan = "DateLessThan", dateLessThanEquals = "DateLessThanEquals"
    case dateGreaterThan = "DateGreaterThan", dateGreaterThanEquals = "DateGreaterThanEquals"
    case bool = "Bool", binaryEquals = "BinaryEquals"
    case ipAddress = "IpAddress", notIpAddress = "NotIpAddress"
    case arnEquals = "ArnEquals", arnLike = "ArnLike", arnNotEquals = "ArnNotEquals", arnNotLike = "ArnNotLike"
    case null = "Null"

    /// The operators that hold when no value matches (AWS evaluates them as the negation of their positive twin,
    /// and they hold for a missing key).
    var positive: ConditionOperator? {
        switch self {
        case .stringNotEquals: .stringEquals
        case .stringNotEqualsIgnoreCase: .stringEqualsIgnoreCase
        case .stringNotLike: .stringLike
        case .numericNotEquals: .numericEquals
        case .dateNotEquals: .dateEquals
        case .notIpAddress: .ipAddress
        case .arnNotEquals: .arnEquals
        case .arnNotLike: .arnLike
        default: nil
        }
    }

    /// What kind of value the policy side holds.
    var operandKind: OperandKind {
        switch self {
        case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .stringLike, .stringNotLike: .string
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals: .number
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals: .date
        case .bool, .null: .bool
        case .binaryEquals: .binary
        case .ipAddress, .notIpAddress: .network
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: .arn
        }
    }

    enum OperandKind { case string, number, date, bool, binary, network, arn }

    /// The set qualifier in front of an operator.
    enum Qualifier: Sendable, Hashable { case forAnyValue, forAllValues }

    /// Parses `ForAllValues:StringLikeIfExists` and the like (operator names compare case-insensitively).
    static func parse(_ text: String) -> (Qualifier?, ConditionOperator, ifExists: Bool)? {
        var name = Substring(text)
        var qualifier: Qualifier?
        if let colon = name.firstIndex(of: ":") {
            switch name[..<colon].lowercased() {
            case "foranyvalue": qualifier = .forAnyValue
            case "forallvalues": qualifier = .forAllValues
            default: return nil
            }
            name = name[name.index(after: colon)...]
        }
        var ifExists = false
        if name.lowercased().hasSuffix("ifexists") {
            ifExists = true
            name = name.dropLast("IfExists".count)
        }
        guard let op = byLowercasedName[name.lowercased()], !(ifExists && op == .null) else { return nil }
        return (qualifier, op, ifExists)
    }

    private static let byLowercasedName: [String: ConditionOperator] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) })
}
