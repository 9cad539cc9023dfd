public import Foundation

/// A filter of the compliance List operations (`ComplianceStringFilter`): a key, an operator and values.
/// EQUAL matches any of the values, NOT_EQUAL none of them, BEGIN_WITH any as a prefix; LESS_THAN and
/// GREATER_THAN compare `ExecutionTime` with one time (ISO 8601 or epoch seconds).
public struct ComplianceFilter: Sendable, Hashable {
    /// What a filter looks at.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        case complianceType = "ComplianceType"
        case id = "Id"
        case title = "Title"
        case status = "Status"
        case severity = "Severity"
        case overallSeverity = "OverallSeverity"
        case resourceId = "ResourceId"
        case resourceType = "ResourceType"
        case executionId = "ExecutionId"
        case executionType = "ExecutionType"
        case executionTime = "ExecutionTime"

        /// The keys ListComplianceItems takes (it names its resources in ResourceIds/ResourceTypes).
        public static let items: [Key] = [.complianceType, .id, .title, .status, .severity, .executionId, .executionType, .executionTime]
        /// The keys ListComplianceSummaries and ListResourceComplianceSummaries take.
        public static let summaries: [Key] = [.complianceType, .resourceId, .resourceType, .status, .overallSeverity,
                                              .executionId, .executionType, .executionTime]
    }

    /// `ComplianceQueryOperatorType`.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "EQUAL"
        case notEqual = "NOT_EQUAL"
        case beginWith = "BEGIN_WITH"
        case lessThan = "LESS_THAN"
        case greaterThan = "GREATER_THAN"
    }

    public var key: Key
    public var op: Operator
    public var values: [String]
    /// The time LESS_THAN/GREATER_THAN compare with.
    private var time: Date?

    /// A filter from its wire parts, checked against the keys the operation takes (`allowed`); errors are
    /// `InvalidFilter` naming `field` (e.g. `Filters[0]`).
    public init(key: String?, type: String?, values: [String]?, allowed: [Key], field: String) throws {
        guard let key, let parsed = Key(rawValue: key), allowed.contains(parsed) else {
            throw PortlessError(.invalidFilter, "The filter key '\(key ?? "")' isn't valid here; valid keys: \(allowed.map(\.rawValue).joined(separator: ", ")).",
                                field: "\(field).Key")
        }
        guard let op = Operator(rawValue: type ?? Operator.equal.rawValue) else {
            throw PortlessError(.invalidFilter, "The filter type '\(type ?? "")' isn't valid; valid types: \(Operator.allCases.map(\.rawValue).joined(separator: ", ")).",
                                field: "\(field).Type")
        }
        guard let values, !values.isEmpty else {
            throw PortlessError(.invalidFilter, "Filter \(key) needs at least one value.", field: "\(field).Values")
        }
        self.key = parsed
        self.op = op
        self.values = values
        switch op {
        case .lessThan, .greaterThan:
            guard parsed == .executionTime else {
                throw PortlessError(.invalidFilter, "The filter type \(op.rawValue) only applies to ExecutionTime, not \(key).", field: "\(field).Type")
            }
            guard values.count == 1, let time = Self.time(values[0]) else {
                throw PortlessError(.invalidFilter, "Filter ExecutionTime with \(op.rawValue) takes one time (yyyy-MM-dd'T'HH:mm:ss'Z' or epoch seconds).",
                                    field: "\(field).Values")
            }
            self.time = time
        case .equal, .notEqual, .beginWith:
            if parsed == .executionTime {
                guard op != .beginWith, values.allSatisfy({ Self.time($0) != nil }) else {
                    throw PortlessError(.invalidFilter, "Filter ExecutionTime takes times (yyyy-MM-dd'T'HH:mm:ss'Z' or epoch seconds) with EQUAL, NOT_EQUAL, LESS_THAN or GREATER_THAN.",
                                        field: "\(field).Values")
                }
            }
        }
    }

    /// Whether an item of `resource` passes.
    public func matches(_ item: ResourceCompliance.StoredItem, of resource: ResourceCompliance) -> Bool {
        switch key {
        case .complianceType: matches(resource.complianceType.name)
        case .id: matches(item.item.id ?? "")
        case .title: matches(item.item.title ?? "")
        case .status: matches(item.item.status.rawValue)
        case .severity, .overallSeverity: matches(item.item.severity.rawValue)
        case .resourceId: matches(resource.resourceId)
        case .resourceType: matches(resource.resourceType.rawValue)
        case .executionId: matches(item.executionSummary.executionId ?? "")
        case .executionType: matches(item.executionSummary.executionType ?? "")
        case .executionTime: matches(item.executionSummary.executionTime)
        }
    }

    /// Whether a resource's summary passes.
    public func matches(_ summary: ResourceComplianceSummary) -> Bool {
        switch key {
        case .complianceType: matches(summary.complianceType.name)
        case .id, .title: false
        case .status: matches(summary.status.rawValue)
        case .severity, .overallSeverity: matches(summary.overallSeverity.rawValue)
        case .resourceId: matches(summary.resourceId)
        case .resourceType: matches(summary.resourceType.rawValue)
        case .executionId: matches(summary.executionSummary.executionId ?? "")
        case .executionType: matches(summary.executionSummary.executionType ?? "")
        case .executionTime: matches(summary.executionSummary.executionTime)
        }
    }

    private func matches(_ text: String) -> Bool {
        switch op {
        case .equal: values.contains(text)
        case .notEqual: !values.contains(text)
        case .beginWith: values.contains { text.hasPrefix($0) }
        case .lessThan, .greaterThan: false
        }
    }

    private func matches(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        switch op {
        case .equal: return values.contains { Self.time($0)?.timeIntervalSince1970.rounded(.down) == seconds }
        case .notEqual: return !values.contains { Self.time($0)?.timeIntervalSince1970.rounded(.down) == seconds }
        case .lessThan: return date < (time ?? .distantPast)
        case .greaterThan: return date > (time ?? .distantFuture)
        case .beginWith: return false
        }
    }

    /// A filter time: ISO 8601 (with or without fractional seconds) or epoch seconds.
    static func time(_ text: String) -> Date? {
        if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
