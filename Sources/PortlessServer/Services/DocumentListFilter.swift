import PortlessCore

/// ListDocuments' filters: `Filters` (key and values) and the older `DocumentFilterList` (key and value),
/// all of which a document must match.
struct DocumentListFilter: Sendable {
    /// How the caller relates to a listed document, for the `Owner` filter.
    enum Ownership: Sendable { case own, amazon, sharedPrivately, sharedPublicly }

    struct Row: Sendable {
        var entry: DocumentEntry
        var ownership: Ownership
        var tags: [Tag]
    }

    private enum Condition: Sendable {
        case owner(Set<Ownership>)
        case namePrefix([String])
        case platformTypes(Set<String>)
        case documentType(Set<String>)
        case targetType(Set<String>)
        case tag(key: String, values: Set<String>)
        case tagKeys(Set<String>)
    }

    private var conditions: [Condition] = []

    init(filters: [ListDocumentsRequest.Filter]?, legacy: [ListDocumentsRequest.LegacyFilter]?) throws {
        var ownerSeen = false
        for (index, filter) in (filters ?? []).enumerated() {
            let field = "Filters[\(index)]"
            let values = filter.values ?? []
            guard !values.isEmpty else {
                throw PortlessError(.invalidFilterValue, "Filter \(filter.key) needs at least one value.", field: "\(field).Values")
            }
            if filter.key == "Owner" {
                guard !ownerSeen, values.count == 1 else {
                    throw PortlessError(.invalidFilterValue, "Only one Owner may be given.", field: "\(field).Values")
                }
                ownerSeen = true
            }
            conditions.append(try Self.condition(key: filter.key, values: values, field: field))
        }
        for (index, filter) in (legacy ?? []).enumerated() {
            let field = "DocumentFilterList[\(index)]"
            guard ["Name", "Owner", "PlatformTypes", "DocumentType"].contains(filter.key) else {
                throw PortlessError(.invalidFilterKey, "Filter key '\(filter.key)' is not one of Name, Owner, PlatformTypes, DocumentType.",
                                    field: "\(field).key")
            }
            guard !filter.value.isEmpty else {
                throw PortlessError(.invalidFilterValue, "Filter \(filter.key) needs a value.", field: "\(field).value")
            }
            conditions.append(try Self.condition(key: filter.key, values: [filter.value], field: field))
        }
    }

    private static func condition(key: String, values: [String], field: String) throws -> Condition {
        switch key {
        case "Owner":
            var owners = Set<Ownership>()
            for value in values {
                switch value {
                case "Self": owners.insert(.own)
                case "Amazon": owners.insert(.amazon)
                case "Private": owners.insert(.sharedPrivately)
                case "Public": owners.insert(.sharedPublicly)
                case "ThirdParty": break
                case "All": owners.formUnion([.own, .amazon, .sharedPrivately, .sharedPublicly])
                default:
                    throw PortlessError(.invalidFilterValue, "Owner must be Self, Amazon, Private, Public, ThirdParty or All, not '\(value)'.",
                                        field: "\(field).Values")
                }
            }
            return .owner(owners)
        case "Name": return .namePrefix(values)
        case "PlatformTypes": return .platformTypes(Set(values))
        case "DocumentType": return .documentType(Set(values))
        case "TargetType": return .targetType(Set(values))
        case "TagKeys": return .tagKeys(Set(values))
        case let tagKey where tagKey.hasPrefix("tag:") && tagKey.count > 4:
            return .tag(key: String(tagKey.dropFirst(4)), values: Set(values))
        default:
            throw PortlessError(.invalidFilterKey,
                                "Filter key '\(key)' is not supported; use Owner, Name, PlatformTypes, DocumentType, TargetType, TagKeys or tag:<key>.",
                                field: "\(field).Key")
        }
    }

    /// A cheap pre-check before a document's version is loaded.
    func mayMatch(ownership: Ownership, name: String) -> Bool {
        conditions.allSatisfy { condition in
            switch condition {
            case .owner(let owners): owners.contains(ownership)
            case .namePrefix(let prefixes): prefixes.contains { name.hasPrefix($0) }
            default: true
            }
        }
    }

    func matches(_ row: Row) -> Bool {
        let record = row.entry.record
        return conditions.allSatisfy { condition in
            switch condition {
            case .owner(let owners):
                return owners.contains(row.ownership)
            case .namePrefix(let prefixes):
                return prefixes.contains { record.name.hasPrefix($0) }
            case .platformTypes(let platforms):
                let facts = row.entry.defaultVersion.map { DocumentFacts($0.tree, type: record.documentType) }
                return !platforms.isDisjoint(with: facts?.platformTypes ?? [])
            case .documentType(let types):
                return types.contains(record.documentType.rawValue)
            case .targetType(let types):
                return types.contains(record.targetType ?? "")
            case .tag(let key, let values):
                return row.tags.contains { $0.key == key && values.contains($0.value) }
            case .tagKeys(let keys):
                return row.tags.contains { keys.contains($0.key) }
            }
        }
    }
}
