public import Foundation

/// A `LookupEvents` query, validated as CloudTrail validates it: at most one lookup attribute of the
/// eight keys with a value of 1–2,000 characters, a start no later than the end, 1–50 results, and a
/// `NextToken` only for the same query that issued it.
public struct AuditLookup: Sendable {
    public enum AttributeKey: String, Sendable, CaseIterable {
        case eventId = "EventId", eventName = "EventName", readOnly = "ReadOnly", username = "Username", resourceType = "ResourceType",
             resourceName = "ResourceName", eventSource = "EventSource", accessKeyId = "AccessKeyId"
    }

    public static let maxResultsLimit = 50

    public var key: AttributeKey?
    public var value: String
    public var start: Date?
    public var end: Date?
    public var maxResults: Int
    /// Only entries before this sequence number (the page after a `NextToken`).
    public var before: Int?

    /// `attributes` as given (key, value), or throws CloudTrail's refusal.
    public init(attributes: [(key: String?, value: String?)], start: Date?, end: Date?, maxResults: Int?, nextToken: String?) throws {
        guard attributes.count <= 1 else { throw PortlessError.CloudTrail.oneAttribute }
        if let attribute = attributes.first {
            guard let raw = attribute.key, let key = AttributeKey(rawValue: raw) else { throw PortlessError.CloudTrail.attributeKey }
            guard let value = attribute.value, (1...2000).contains(value.count) else { throw PortlessError.CloudTrail.attributeValue }
            self.key = key
            self.value = value
        } else {
            self.key = nil
            self.value = ""
        }
        if let start, let end, start > end { throw PortlessError.CloudTrail.timeRange }
        self.start = start
        self.end = end
        let limit = maxResults ?? Self.maxResultsLimit
        guard (1...Self.maxResultsLimit).contains(limit) else { throw PortlessError.CloudTrail.maxResults(limit) }
        self.maxResults = limit
        self.before = nil
        if let nextToken {
            let parts = String(decoding: Data(base64Encoded: nextToken) ?? Data(), as: UTF8.self).split(separator: ":")
            guard parts.count == 2, let sequence = Int(parts[0]), sequence > 0, String(parts[1]) == fingerprint else {
                throw PortlessError.CloudTrail.nextToken
            }
            self.before = sequence
        }
    }

    /// The token for the page after the entry numbered `sequence`.
    public func token(after sequence: Int) -> String {
        Data("\(sequence):\(fingerprint)".utf8).base64EncodedString()
    }

    /// Ties a token to the query's parameters.
    private var fingerprint: String {
        let text = "\(key?.rawValue ?? "")\n\(value)\n\(start?.timeIntervalSince1970 ?? 0)\n\(end?.timeIntervalSince1970 ?? 0)"
        return String(SigV4.hexSHA256(Array(text.utf8)).prefix(16))
    }

    /// Whether entry `sequence` holding `record` is on this query's pages.
    public func matches(_ record: AuditRecord, sequence: Int) -> Bool {
        if let before, sequence >= before { return false }
        if start != nil || end != nil {
            guard let date = record.date else { return false }
            if let start, date < start.addingTimeInterval(-0.999) { return false }
            if let end, date > end { return false }
        }
        guard let key else { return true }
        switch key {
        case .eventId: return record.eventID == value
        case .eventName: return record.eventName == value
        case .readOnly: return (record.readOnly ? "true" : "false") == value
        case .username: return record.userIdentity.lookupUserName == value
        case .resourceType: return record.resources?.contains { $0.type == value } ?? false
        case .resourceName: return record.resources?.contains { $0.arn == value } ?? false
        case .eventSource: return record.eventSource == value
        case .accessKeyId: return record.userIdentity.accessKeyId == value
        }
    }
}
