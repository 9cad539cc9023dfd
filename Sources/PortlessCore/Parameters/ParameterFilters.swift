/// One `ParameterStringFilter` of DescribeParameters or GetParametersByPath.
public struct ParameterFilter: Sendable, Hashable, Codable {
    public var key: String
    public var option: String?
    public var values: [String]?

    enum CodingKeys: String, CodingKey { case key = "Key", option = "Option", values = "Values" }

    public init(key: String, option: String? = nil, values: [String]? = nil) {
        self.key = key
        self.option = option
        self.values = values
    }
}

/// Checked filters, ready to match parameters, with SSM's rules for each key and option.
public struct ParameterFilterSet: Sendable {
    /// Which operation the filters belong to: each allows its own keys.
    public enum Scope: Sendable {
        case describe, byPath

        var keys: [String] { self == .describe ? ["Name", "Type", "KeyId", "Path", "Tier", "DataType"] : ["Type", "KeyId", "Label"] }
        /// The keys named in the error for a key the scope does not allow.
        var advertised: [String] { self == .describe ? ["Path", "Name", "Type", "KeyId", "Tier"] : ["Type", "KeyId"] }
    }

    struct Check: Sendable {
        var key: String
        var option: String
        var values: [String]
    }

    private var checks: [Check] = []

    /// Validates `filters` for `scope`.
    public init(_ filters: [ParameterFilter], scope: Scope) throws {
        var seen = Set<String>()
        for filter in filters {
            guard scope.keys.contains(filter.key) || (filter.key.hasPrefix("tag:") && filter.key.count > 4) else {
                throw ParameterErrors.filterKey(filter.key, valid: scope.advertised)
            }
            guard seen.insert(filter.key).inserted else { throw ParameterErrors.duplicateFilter(filter.key) }
            let values = filter.values ?? []
            guard values.count <= 50 else {
                throw ConstraintViolation.withoutValue(.validation, field: "ParameterFilters.member.Values", .maxLength(50))
            }
            let options = Self.options(for: filter.key, scope: scope)
            let option = filter.option ?? options[0]
            guard options.contains(option) else { throw ParameterErrors.filterOption(option, valid: options.sorted()) }
            if !filter.key.hasPrefix("tag:") && values.isEmpty {
                throw ConstraintViolation.withoutValue(.validation, field: "ParameterFilters.member.Values", .minLength(1))
            }
            try Self.checkValues(values, key: filter.key, option: option)
            checks.append(Check(key: filter.key, option: option, values: values))
        }
    }

    private static func options(for key: String, scope: Scope) -> [String] {
        switch key {
        case "Path": ["OneLevel", "Recursive"]
        case "Name": scope == .describe ? ["Equals", "BeginsWith", "Contains"] : ["Equals", "BeginsWith"]
        case "Label", "Tier", "DataType": ["Equals"]
        default: ["Equals", "BeginsWith"]
        }
    }

    private static func checkValues(_ values: [String], key: String, option: String) throws {
        switch key {
        case "Type" where option == "Equals":
            let valid = ParameterType.allCases.map(\.rawValue)
            if let bad = values.first(where: { !valid.contains($0) }) { throw ParameterErrors.filterValue(bad, valid: valid) }
        case "Tier":
            let valid = ParameterTier.allCases.map(\.rawValue)
            if let bad = values.first(where: { !valid.contains($0) }) { throw ParameterErrors.filterValue(bad, valid: valid) }
        case "Path":
            for value in values {
                guard (try? ParameterNames.path(value)) != nil else { throw ParameterErrors.pathFilterValue }
                let first = value.split(separator: "/").first?.lowercased() ?? ""
                guard !first.hasPrefix("aws"), !first.hasPrefix("ssm") else { throw ParameterErrors.pathFilterValue }
            }
        default:
            break
        }
    }

    /// Whether `record` (with its `tags`) passes every filter.
    public func matches(_ record: ParameterRecord, tags: [Tag]) -> Bool {
        checks.allSatisfy { check in
            switch check.key {
            case "Name": return check.values.contains { Self.compare(record.name, $0, check.option) || Self.compare(record.name, "/" + $0, check.option) }
            case "Type": return check.values.contains { Self.compare(record.type.rawValue, $0, check.option) }
            case "KeyId": return check.values.contains { Self.compare(record.keyId ?? "", $0, check.option) }
            case "Tier": return check.values.contains(record.tier.rawValue)
            case "DataType": return check.values.contains(record.dataType)
            case "Label": return check.values.contains { record.labels.contains($0) }
            case "Path":
                return check.values.contains { value in
                    let path = (try? ParameterNames.path(value)) ?? value
                    return ParameterNames.name(record.name, isUnder: path, recursive: check.option == "Recursive")
                }
            default:
                let tagKey = String(check.key.dropFirst(4))
                guard let tag = tags.first(where: { $0.key == tagKey }) else { return false }
                return check.values.isEmpty || check.values.contains { Self.compare(tag.value, $0, check.option) }
            }
        }
    }

    /// Whether a filter needs the parameters' tags.
    public var needsTags: Bool { checks.contains { $0.key.hasPrefix("tag:") } }

    /// Whether a filter needs the labels of every version (a `Label` filter).
    public var needsLabels: Bool { checks.contains { $0.key == "Label" } }

    private static func compare(_ actual: String, _ wanted: String, _ option: String) -> Bool {
        switch option {
        case "BeginsWith": actual.hasPrefix(wanted)
        case "Contains": actual.contains(wanted)
        default: actual == wanted
        }
    }
}
