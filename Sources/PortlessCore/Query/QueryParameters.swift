public import Foundation

/// The parameters of an AWS Query-protocol request: an `application/x-www-form-urlencoded` body such as
/// `Action=AssumeRole&Version=2011-06-15&Tags.member.1.Key=k&Tags.member.1.Value=v`.
public struct QueryParameters: Sendable, Equatable {
    /// Every parameter by name; when a name repeats, the last value wins.
    public private(set) var values: [String: String]

    public init(values: [String: String]) { self.values = values }

    /// Parses a form body; `+` is a space and `%XX` a UTF-8 byte.
    ///
    /// - Throws: `ValidationError` when a name or value is not valid percent-encoded UTF-8.
    public init(formBody: String) throws {
        var values: [String: String] = [:]
        for pair in formBody.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(String(parts[0]))
            let value = parts.count > 1 ? try Self.decode(String(parts[1])) : ""
            guard !name.isEmpty else { continue }
            values[name] = value
        }
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }

    /// A parameter the action cannot do without; throws `ValidationError` ("Member must not be null") when absent.
    public func required(_ name: String) throws -> String {
        guard let value = values[name] else {
            throw ConstraintViolation.error(.validationError, value: nil, field: name, .notNull)
        }
        return value
    }

    /// The values of a list parameter `NAME.member.1`, `NAME.member.2`, … in order, up to the first gap.
    public func members(_ name: String) -> [String] {
        var result: [String] = []
        while let value = values["\(name).member.\(result.count + 1)"] { result.append(value) }
        return result
    }

    /// The tags of a list parameter `NAME.member.N.Key` / `NAME.member.N.Value`, up to the first gap.
    ///
    /// - Throws: `ValidationError` when an entry has a key without a value or the other way round.
    public func tags(_ name: String) throws -> [Tag] {
        var result: [Tag] = []
        while true {
            let prefix = "\(name).member.\(result.count + 1)"
            let key = values["\(prefix).Key"]
            let value = values["\(prefix).Value"]
            if key == nil && value == nil { return result }
            guard let key, let value else {
                throw PortlessError(.validationError, "Tag \(result.count + 1) needs both a Key and a Value.", field: name)
            }
            result.append(Tag(key: key, value: value))
        }
    }

    static func decode(_ text: String) throws -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw PortlessError(.validationError, "The request body is not valid application/x-www-form-urlencoded text.")
        }
        return decoded
    }
}
