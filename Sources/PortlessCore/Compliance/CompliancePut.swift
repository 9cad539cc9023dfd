/// One PutComplianceItems upload as domain values, and how it changes what a resource holds.
public struct CompliancePut: Sendable, Hashable {
    public var resourceId: String
    public var resourceType: ComplianceResourceType
    public var complianceType: ComplianceType
    public var executionSummary: ComplianceExecutionSummary
    public var items: [ComplianceItem]
    public var uploadType: ComplianceUploadType
    /// When equal to the hash of the stored upload of the type, the upload is ignored.
    public var itemContentHash: String?

    public init(resourceId: String, resourceType: ComplianceResourceType, complianceType: ComplianceType,
                executionSummary: ComplianceExecutionSummary, items: [ComplianceItem], uploadType: ComplianceUploadType = .complete,
                itemContentHash: String? = nil) {
        self.resourceId = resourceId
        self.resourceType = resourceType
        self.complianceType = complianceType
        self.executionSummary = executionSummary
        self.items = items
        self.uploadType = uploadType
        self.itemContentHash = itemContentHash
    }

    /// Checks the items' contents on their own: lengths (ValidationException, as AWS's request validation
    /// words them), IDs (InvalidItemContentException) and each item's size (ItemSizeLimitExceededException).
    public func validateItems() throws {
        guard items.count <= ComplianceLimits.maxItemsPerCall else {
            throw ConstraintViolation.withoutValue(.validation, field: "items", .maxLength(ComplianceLimits.maxItemsPerCall))
        }
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            let path = "items.\(index + 1).member"
            if let title = item.title, title.count > ComplianceLimits.maxTitleLength {
                throw ConstraintViolation.error(.validation, value: title, field: "\(path).title", .maxLength(ComplianceLimits.maxTitleLength))
            }
            for (key, value) in item.details.sorted(by: { $0.key < $1.key }) {
                guard ComplianceLimits.detailKeyLength.contains(key.count) else {
                    throw ConstraintViolation.withoutValue(.validation, field: "\(path).details",
                                                           key.isEmpty ? .minLength(1) : .maxLength(ComplianceLimits.detailKeyLength.upperBound))
                }
                guard value.count <= ComplianceLimits.maxDetailValueLength else {
                    throw ConstraintViolation.withoutValue(.validation, field: "\(path).details", .maxLength(ComplianceLimits.maxDetailValueLength))
                }
            }
            if let id = item.id, !id.isEmpty {
                guard seen.insert(id).inserted else {
                    throw PortlessError(.invalidItemContent, "Item Id '\(id)' is given more than once.", field: "Items[\(index)].Id")
                }
            } else if uploadType == .partial {
                throw PortlessError(.invalidItemContent, "A PARTIAL upload matches items by Id; item \(index) has none.", field: "Items[\(index)].Id")
            }
            guard item.contentSize <= ComplianceLimits.maxItemSize else {
                throw PortlessError(.itemSizeLimitExceeded,
                                    "Item \(index) takes \(item.contentSize) bytes; an item may take at most \(ComplianceLimits.maxItemSize).",
                                    field: "Items[\(index)]")
            }
        }
    }

    /// What the resource holds after this upload, given what it holds now (every compliance type); nil when
    /// the upload is ignored because its content hash matches the stored one. Checks the per-resource limits.
    public func apply(to current: [ResourceCompliance]) throws -> [ResourceCompliance]? {
        let existing = current.first { $0.complianceType == complianceType }
        if let hash = itemContentHash, !hash.isEmpty, existing?.itemContentHash == hash { return nil }
        let incoming = items.map { ResourceCompliance.StoredItem(item: $0, executionSummary: executionSummary) }
        var stored: [ResourceCompliance.StoredItem]
        switch uploadType {
        case .complete:
            stored = incoming
        case .partial:
            stored = existing?.items ?? []
            var positions: [String: Int] = [:]
            for (index, item) in stored.enumerated() { if let id = item.item.id { positions[id] = index } }
            for item in incoming {
                if let id = item.item.id, let index = positions[id] {
                    stored[index] = item
                } else {
                    if let id = item.item.id { positions[id] = stored.count }
                    stored.append(item)
                }
            }
        }
        var result = current.filter { $0.complianceType != complianceType }
        if !stored.isEmpty {
            result.append(ResourceCompliance(resourceId: resourceId, resourceType: resourceType, complianceType: complianceType,
                                             executionSummary: executionSummary, itemContentHash: itemContentHash, items: stored))
        }
        let customTypes = result.filter { $0.complianceType.isCustom }.count
        if complianceType.isCustom, customTypes > ComplianceLimits.maxCustomTypesPerResource {
            throw PortlessError(aws: .complianceTypeCountLimitExceeded,
                                "You specified too many custom compliance types. You can specify a maximum of 10 different types.",
                                field: "ComplianceType")
        }
        let total = result.reduce(0) { $0 + $1.contentSize }
        guard total <= ComplianceLimits.maxTotalSizePerResource else {
            throw PortlessError(.totalSizeLimitExceeded,
                                "The compliance items of resource \(resourceId) would take \(total) bytes; a resource may hold at most \(ComplianceLimits.maxTotalSizePerResource).",
                                field: "Items")
        }
        return result.sorted { $0.complianceType < $1.complianceType }
    }
}
