public import Foundation

/// A parameter policy (advanced tier): `Expiration` deletes the parameter at a time; the notification
/// policies are kept and shown (Portless sends no notifications for them).
public struct ParameterPolicy: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case expiration = "Expiration"
        case expirationNotification = "ExpirationNotification"
        case noChangeNotification = "NoChangeNotification"
    }

    public var kind: Kind
    /// The policy as the request wrote it (`PolicyText`).
    public var text: String
    /// For `Expiration`: when the parameter is deleted.
    public var expiration: Date?

    /// Parses the `Policies` member: a JSON array of `{"Type", "Version", "Attributes"}`, at most 10.
    public static func parse(_ json: String, now: Date) throws -> [ParameterPolicy] {
        guard let data = json.data(using: .utf8), case .array(let items)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw PortlessError(aws: .invalidPolicyType, "The policy type is not supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.",
                                field: "Policies")
        }
        guard items.count <= 10 else {
            throw PortlessError(aws: .policiesLimitExceeded, "You specified more than the maximum number of allowed policies for the parameter. The maximum is 10.",
                                field: "Policies")
        }
        return try items.map { try policy($0, now: now) }
    }

    private static func policy(_ item: JSONValue, now: Date) throws -> ParameterPolicy {
        guard let kind = item["Type"]?.stringValue.flatMap(Kind.init(rawValue:)) else {
            throw PortlessError(aws: .invalidPolicyType, "The policy type is not supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.",
                                field: "Policies")
        }
        let text = String(decoding: (try? WireCoding.encoder().encode(item)) ?? Data(), as: UTF8.self)
        let attributes = item["Attributes"]?.objectValue ?? [:]
        switch kind {
        case .expiration:
            guard let stamp = attributes["Timestamp"]?.stringValue, let date = timestamp(stamp) else {
                throw invalidAttribute("A policy attribute or its value is invalid. Expiration policies need an Attributes.Timestamp in ISO 8601 format.")
            }
            guard date > now else { throw invalidAttribute("A policy attribute or its value is invalid. The expiration timestamp must be in the future.") }
            return ParameterPolicy(kind: kind, text: text, expiration: date)
        case .expirationNotification, .noChangeNotification:
            let key = kind == .expirationNotification ? "Before" : "After"
            guard let amount = attributes[key]?.stringValue, let count = Int(amount), count > 0,
                  ["Days", "Hours"].contains(attributes["Unit"]?.stringValue ?? "") else {
                throw invalidAttribute("A policy attribute or its value is invalid. \(kind.rawValue) needs Attributes.\(key) and Attributes.Unit (Days or Hours).")
            }
            return ParameterPolicy(kind: kind, text: text, expiration: nil)
        }
    }

    private static func invalidAttribute(_ message: String) -> PortlessError {
        PortlessError(.invalidPolicyAttribute, message, field: "Policies")
    }

    /// ISO 8601 with or without fractional seconds (`2030-01-01T00:00:00.000Z`).
    private static func timestamp(_ text: String) -> Date? {
        var whole = text
        if let dot = whole.firstIndex(of: ".") {
            let end = whole[dot...].dropFirst().firstIndex { !$0.isNumber } ?? whole.endIndex
            whole.removeSubrange(dot..<end)
        }
        return try? Date.ISO8601FormatStyle().parse(whole)
    }
}
