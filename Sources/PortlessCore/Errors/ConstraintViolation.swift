/// AWS's text for a request member that breaks a constraint of the service model, as AWS's request
/// validation words it for every JSON 1.1 and Query service:
/// `1 validation error detected: Value '20' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`
/// (quoted from STS in Hadoop's S3A troubleshooting guide; the same form is in SSM replies quoted in
/// aws-cloudformation/…-commandrunner#13 and in moto's and localstack's tests).
public enum ConstraintViolation {
    /// A model constraint, worded as AWS words it.
    public enum Rule: Sendable {
        case minLength(Int), maxLength(Int), minValue(Int), maxValue(Int)
        case pattern(String), enumeration([String]), notNull

        var text: String {
            switch self {
            case .minLength(let bound): "Member must have length greater than or equal to \(bound)"
            case .maxLength(let bound): "Member must have length less than or equal to \(bound)"
            case .minValue(let bound): "Member must have value greater than or equal to \(bound)"
            case .maxValue(let bound): "Member must have value less than or equal to \(bound)"
            case .pattern(let pattern): "Member must satisfy regular expression pattern: \(pattern)"
            case .enumeration(let values): "Member must satisfy enum value set: [\(values.joined(separator: ", "))]"
            case .notNull: "Member must not be null"
            }
        }
    }

    /// The error for `field` (a request member, e.g. `TimeoutSeconds`, named in AWS's lower-camel form)
    /// holding `value` (nil: absent); `code` is `ValidationException` (JSON 1.1) or `ValidationError` (Query).
    public static func error(_ code: PortlessError.Code, value: String?, field: String, _ rule: Rule) -> PortlessError {
        let shown = value.map { "'\($0)'" } ?? "null"
        return PortlessError(aws: code, "1 validation error detected: Value \(shown) at '\(member(field))' failed to satisfy constraint: \(rule.text)",
                             field: field)
    }

    /// The same with the value left out, as AWS words it for sensitive and list members
    /// (`Value at 'policy' failed to satisfy constraint: …`).
    public static func withoutValue(_ code: PortlessError.Code, field: String, _ rule: Rule) -> PortlessError {
        PortlessError(aws: code, "1 validation error detected: Value at '\(member(field))' failed to satisfy constraint: \(rule.text)", field: field)
    }

    /// A list value as AWS shows it: `[a, b]`.
    public static func list(_ values: [String]) -> String { "[\(values.joined(separator: ", "))]" }

    /// `TimeoutSeconds` → `timeoutSeconds`.
    private static func member(_ field: String) -> String { field.prefix(1).lowercased() + field.dropFirst() }
}
