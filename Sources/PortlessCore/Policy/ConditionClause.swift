import Foundation

/// One operator applied to one condition key with its values, compiled once at parse time.
/// The values are ORed (for a negated operator: none may match); missing keys follow AWS's rules.
struct ConditionClause: Sendable {
    enum Operand: Sendable {
        case string(PolicyTemplate, pattern: WildcardPattern?, lowercased: String?)
        case number(Double)
        case date(Double)
        case bool(Bool)
        case binary(String)
        case network(IPNetwork)
        case arn(PolicyTemplate, pattern: ArnPattern?)
        /// A value that can never match (e.g. `NumericEquals` with text that is no number).
        case invalid
    }

    let qualifier: ConditionOperator.Qualifier?
    let op: ConditionOperator
    let ifExists: Bool
    /// The condition key, lowercased.
    let key: String
    let operands: [Operand]

    init(qualifier: ConditionOperator.Qualifier?, op: ConditionOperator, ifExists: Bool, key: String, values: [String], variables: Bool) {
        self.qualifier = qualifier
        self.op = op
        self.ifExists = ifExists
        self.key = key.lowercased()
        operands = values.map { Self.operand($0, op: op, variables: variables) }
    }

    static func operand(_ text: String, op: ConditionOperator, variables: Bool) -> Operand {
        switch op.operandKind {
        case .string:
            let template = PolicyTemplate(text, variables: variables)
            let plain = template.plainText
            return .string(template, pattern: template.fixedPattern(ignoresCase: false), lowercased: plain?.lowercased())
        case .number: return Double(text).map(Operand.number) ?? .invalid
        case .date: return ConditionDate.seconds(text).map(Operand.date) ?? .invalid
        case .bool:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .invalid
            }
        case .binary: return .binary(text)
        case .network: return IPNetwork(text).map(Operand.network) ?? .invalid
        case .arn:
            let template = PolicyTemplate(text, variables: variables)
            return .arn(template, pattern: template.fixedPattern(ignoresCase: false).map { ArnPattern(units: $0.units) })
        }
    }

    /// Whether the clause holds for this request.
    func holds(_ lookup: ContextLookup) -> Bool {
        let values = lookup.values(lowercasedKey: key)
        if op == .null {
            let isNull = values == nil
            return operands.contains { if case .bool(let wanted) = $0 { wanted == isNull } else { false } }
        }
        guard let values else {
            if ifExists { return true }
            switch qualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case nil: return op.positive != nil
            }
        }
        let positive = op.positive ?? op
        let negated = op.positive != nil
        var unresolved = false
        func matchesAny(_ value: ConditionValue) -> Bool {
            for operand in operands {
                switch Self.matches(positive, value, operand, lookup) {
                case true?: return true
                case nil: unresolved = true
                case false?: break
                }
            }
            return false
        }
        let result = switch qualifier {
        case nil: negated != values.contains(where: matchesAny)
        case .forAnyValue: values.contains { negated != matchesAny($0) }
        case .forAllValues: values.allSatisfy { negated != matchesAny($0) }
        }
        return result && !unresolved
    }

    /// Whether `value` matches `operand` under a positive operator; `nil` when a policy variable has no value.
    static func matches(_ op: ConditionOperator, _ value: ConditionValue, _ operand: Operand, _ lookup: ContextLookup) -> Bool? {
        switch operand {
        case .string(let template, let pattern, let lowercased):
            switch op {
            case .stringLike:
                if let pattern { return pattern.matches(value.text) }
                return template.pattern(lookup, ignoresCase: false)?.matches(value.text)
            case .stringEqualsIgnoreCase:
                guard let wanted = lowercased ?? template.string(lookup)?.lowercased() else { return nil }
                return value.text.lowercased() == wanted
            default:
                guard let wanted = template.string(lookup) else { return nil }
                return value.text == wanted
            }
        case .number(let wanted):
            guard let number = value.number else { return false }
            return compare(op, number, wanted)
        case .date(let wanted):
            guard let seconds = value.epochSeconds else { return false }
            return compare(op, seconds, wanted)
        case .bool(let wanted):
            return value.bool == wanted
        case .binary(let wanted):
            return value.text == wanted
        case .network(let network):
            guard let address = value.address else { return false }
            return network.contains(address)
        case .arn(let template, let pattern):
            if let pattern { return pattern.matches(value.text) }
            return template.pattern(lookup, ignoresCase: false).map { ArnPattern(units: $0.units).matches(value.text) }
        case .invalid:
            return false
        }
    }

    static func compare(_ op: ConditionOperator, _ value: Double, _ wanted: Double) -> Bool {
        switch op {
        case .numericLessThan, .dateLessThan: value < wanted
        case .numericLessThanEquals, .dateLessThanEquals: value <= wanted
        case .numericGreaterThan, .dateGreaterThan: value > wanted
        case .numericGreaterThanEquals, .dateGreaterThanEquals: value >= wanted
        default: value == wanted
        }
    }
}
