public import Foundation

/// One value of a condition key as the request supplies it. A multivalued key (`aws:TagKeys`,
/// `ssm:resourceTag/…` never is; `aws:TagKeys` is) is a list of these in ``AuthorizationContext``.
public enum ConditionValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case number(Double)
    case date(Date)
    /// An IPv4 or IPv6 address in text form (`192.0.2.10`, `2001:db8::1`).
    case ip(String)
    case binary(Data)

    /// The value as string operators see it.
    var text: String {
        switch self {
        case .string(let value), .ip(let value): value
        case .bool(let value): value ? "true" : "false"
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .date(let value): value.formatted(.iso8601)
        case .binary(let value): value.base64EncodedString()
        }
    }

    var number: Double? {
        switch self {
        case .number(let value): value
        case .string(let value): Double(value)
        default: nil
        }
    }

    /// Seconds since 1970.
    var epochSeconds: Double? {
        switch self {
        case .date(let value): value.timeIntervalSince1970
        case .number(let value): value
        case .string(let value): ConditionDate.seconds(value)
        default: nil
        }
    }

    var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let value): value.lowercased() == "true" ? true : value.lowercased() == "false" ? false : nil
        default: nil
        }
    }

    var address: IPAddressBytes? {
        switch self {
        case .ip(let value), .string(let value): IPAddressBytes(value)
        default: nil
        }
    }
}
