import Foundation
import PortlessCore

/// SSM documents: create, read, version, list, share, tag and delete Command and Session documents.
struct DocumentService: Sendable {
    static let maxVersions = 1000
    static let maxShares = 1000
    static let maxAccountsPerCall = 20

    let store: any Store
    let documents: any DocumentStore
    let catalog: DocumentCatalog

    // MARK: Create and update

    func create(_ request: CreateDocumentRequest, principal: Principal, now: Date = Date()) async throws -> DocumentDescriptionShape {
        try DocumentNameRules.checkNewName(request.name)
        let type = try Self.documentType(request.documentType)
        if let versionName = request.versionName { try DocumentNameRules.checkVersionName(versionName) }
        if let targetType = request.targetType { try Self.checkTargetType(targetType) }
        let tags = request.tags ?? []
        try TagRules.validate(tags)
        guard Set(tags.map(\.key)).count == tags.count else {
            throw PortlessError(.validation, "Each tag key may be given only once.", field: "Tags")
        }
        let format = try Self.format(request.documentFormat)
        let tree = try Self.validate(request.content, format: format, type: type)
        let record = DocumentRecord(name: request.name, accountId: principal.accountId, documentType: type, createdDate: now,
                                    targetType: request.targetType)
        let version = DocumentVersionRecord(name: request.name, accountId: principal.accountId, version: 1, versionName: request.versionName,
                                            content: request.content, format: format, hash: DocumentContent.hash(request.content),
                                            createdDate: now, tree: tree)
        try await documents.insertDocument(record, version: version, tags: tags)
        let entry = DocumentEntry(record: record, versions: [version], owner: principal.accountId)
        return DocumentDescriptionShape(entry: entry, version: version, tags: tags.sorted { $0.key < $1.key })
    }

    func update(_ request: UpdateDocumentRequest, principal: Principal, now: Date = Date()) async throws -> DocumentDescriptionShape {
        let existing = try await ownEntry(request.name, principal: principal)
        if let versionName = request.versionName { try DocumentNameRules.checkVersionName(versionName) }
        if let targetType = request.targetType { try Self.checkTargetType(targetType) }
        let format = try Self.format(request.documentFormat)
        let tree = try Self.validate(request.content, format: format, type: existing.record.documentType)
        let hash = DocumentContent.hash(request.content)
        let requested = request.documentVersion ?? "$LATEST"
        guard let (record, version) = try await documents.addDocumentVersion(accountId: principal.accountId, name: request.name, { record, versions in
            guard requested == "$LATEST" || requested == String(record.latestVersion) else {
                throw PortlessError.documentVersionNotFound()
            }
            guard versions.count < Self.maxVersions else {
                throw PortlessError(.documentVersionLimitExceeded, "Document \(record.name) already has \(Self.maxVersions) versions.", field: "Name")
            }
            if versions.contains(where: { $0.hash == hash }) {
                throw PortlessError(aws: .duplicateDocumentContent,
                                    "The content of the association document matches another document. Change the content of the document and try again.",
                                    field: "Content")
            }
            if let versionName = request.versionName, versions.contains(where: { $0.versionName == versionName }) {
                throw PortlessError(aws: .duplicateDocumentVersionName, "The specified version name is a duplicate.", field: "VersionName")
            }
            return DocumentVersionRecord(name: record.name, accountId: record.accountId, version: record.latestVersion + 1,
                                         versionName: request.versionName, content: request.content, format: format, hash: hash,
                                         createdDate: now, tree: tree)
        }) else {
            throw PortlessError.documentNotFound()
        }
        let versions = try await documents.documentVersions(accountId: principal.accountId, name: request.name)
        let entry = DocumentEntry(record: record, versions: versions, owner: principal.accountId)
        return DocumentDescriptionShape(entry: entry, version: version, tags: try await tags(of: record))
    }

    func updateDefaultVersion(name: String, documentVersion: String, principal: Principal) async throws -> DocumentDefaultVersionShape {
        let entry = try await ownEntry(name, principal: principal)
        guard let number = Int(documentVersion), number > 0, documentVersion.first != "0" else {
            throw PortlessError.documentVersionNotFound()
        }
        let chosen = try entry.version(documentVersion)
        guard let record = try await documents.modifyDocument(accountId: principal.accountId, name: name, { record, versions in
            guard versions.contains(where: { $0.version == number }) else { throw PortlessError.documentVersionNotFound() }
            record.defaultVersion = number
        }) else {
            throw PortlessError.documentNotFound()
        }
        return DocumentDefaultVersionShape(name: record.name, defaultVersion: String(record.defaultVersion), defaultVersionName: chosen.versionName)
    }

    // MARK: Read

    func get(_ request: DocumentNameRequest, principal: Principal) async throws -> GetDocumentResponse {
        let entry = try await catalog.entry(named: request.name, accountId: principal.accountId)
        let version = try entry.version(request.documentVersion, versionName: request.versionName)
        let format = try Self.format(request.documentFormat, default: version.format)
        let content = format == version.format ? version.content : try DocumentContent.render(version.tree, as: format)
        return GetDocumentResponse(name: entry.record.name, createdDate: version.createdDate, versionName: version.versionName,
                                   documentVersion: String(version.version), content: content,
                                   documentType: entry.record.documentType, documentFormat: format.rawValue)
    }

    func describe(_ request: DocumentNameRequest, principal: Principal) async throws -> DocumentDescriptionShape {
        let entry = try await catalog.entry(named: request.name, accountId: principal.accountId)
        let version = try entry.version(request.documentVersion, versionName: request.versionName)
        return DocumentDescriptionShape(entry: entry, version: version, tags: entry.isBuiltin ? [] : try await tags(of: entry.record))
    }

    func listVersions(_ request: DocumentNameRequest, principal: Principal) async throws -> (items: [DocumentVersionInfoShape], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        let entry = try await catalog.entry(named: request.name, accountId: principal.accountId)
        let visible = entry.versions.sorted { $0.version > $1.version }.filter { version in
            (try? entry.version(String(version.version))) != nil
        }
        let page = Pagination.page(visible.map { DocumentVersionInfoShape(record: entry.record, version: $0) }, offset: offset, limit: limit)
        return (page.items, page.nextToken)
    }

    func list(_ request: ListDocumentsRequest, principal: Principal) async throws -> (items: [DocumentIdentifierShape], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        let filter = try DocumentListFilter(filters: request.filters, legacy: request.documentFilterList)
        let allTags = try await store.allTags(resourceType: DocumentTagKey.resourceType)
        var rows: [DocumentListFilter.Row] = builtinRows()
        for record in try await documents.documents(visibleTo: principal.accountId, includeShared: true) {
            var ownership = DocumentListFilter.Ownership.own
            if record.accountId != principal.accountId {
                let shares = try await documents.documentShares(accountId: record.accountId, name: record.name)
                ownership = shares.contains { $0.accountId == principal.accountId } ? .sharedPrivately : .sharedPublicly
            }
            guard filter.mayMatch(ownership: ownership, name: record.name) else { continue }
            let version = try await documents.documentVersion(accountId: record.accountId, name: record.name, version: record.defaultVersion)
            let entry = DocumentEntry(record: record, versions: version.map { [$0] } ?? [], owner: record.accountId)
            let tags = allTags[DocumentTagKey.resourceId(accountId: record.accountId, name: record.name)] ?? []
            rows.append(.init(entry: entry, ownership: ownership, tags: tags))
        }
        let matching = rows.filter(filter.matches).sorted { ($0.entry.record.name, $0.entry.owner) < ($1.entry.record.name, $1.entry.owner) }
        let page = Pagination.page(matching.map { DocumentIdentifierShape(entry: $0.entry, tags: $0.tags) }, offset: offset, limit: limit)
        return (page.items, page.nextToken)
    }

    private func builtinRows() -> [DocumentListFilter.Row] {
        catalog.builtins().map { .init(entry: $0, ownership: .amazon, tags: []) }
    }

    // MARK: Delete

    func delete(_ request: DocumentNameRequest, principal: Principal) async throws {
        let entry = try await ownEntry(request.name, principal: principal)
        if request.documentVersion != nil || request.versionName != nil {
            let version = try entry.version(request.documentVersion, versionName: request.versionName)
            guard entry.versions.count == 1 else {
                throw PortlessError(.invalidDocumentOperation,
                                    "Deleting a single version (\(version.version)) of \(entry.record.name) is not supported; omit DocumentVersion and VersionName to delete every version.",
                                    field: request.documentVersion == nil ? "VersionName" : "DocumentVersion")
            }
        }
        guard try await documents.documentShares(accountId: principal.accountId, name: request.name).isEmpty else {
            // The text of SSM's API reference for this error (moto sends it too).
            throw PortlessError(aws: .invalidDocumentOperation,
                                "You attempted to delete a document while it is still shared. You must stop sharing the document before you can delete it.",
                                field: "Name")
        }
        try await documents.deleteDocument(accountId: principal.accountId, name: request.name)
    }

    // MARK: Sharing

    func describePermission(_ request: DocumentPermissionRequest, principal: Principal) async throws -> DocumentPermissionResponse {
        try Self.checkPermissionType(request.permissionType)
        let limit = try Pagination.limit(request.maxResults, range: 1...200, defaultValue: 200)
        let offset = try Pagination.offset(from: request.nextToken)
        _ = try await ownEntry(request.name, principal: principal)
        let shares = try await documents.documentShares(accountId: principal.accountId, name: request.name)
        let page = Pagination.page(shares, offset: offset, limit: limit)
        return DocumentPermissionResponse(
            accountIds: page.items.map(\.accountId),
            accountSharingInfoList: page.items.map { .init(accountId: $0.accountId, sharedDocumentVersion: $0.sharedDocumentVersion) },
            nextToken: page.nextToken)
    }

    func modifyPermission(_ request: DocumentPermissionRequest, principal: Principal) async throws {
        try Self.checkPermissionType(request.permissionType)
        let toAdd = try Self.accountIds(request.accountIdsToAdd, field: "AccountIdsToAdd")
        let toRemove = try Self.accountIds(request.accountIdsToRemove, field: "AccountIdsToRemove")
        guard !toAdd.isEmpty || !toRemove.isEmpty else {
            throw PortlessError(.validation, "Give AccountIdsToAdd or AccountIdsToRemove.", field: "AccountIdsToAdd")
        }
        let sharedVersion = request.sharedDocumentVersion ?? "$DEFAULT"
        guard ["$DEFAULT", "$LATEST", "$ALL"].contains(sharedVersion) else {
            throw ConstraintViolation.error(.validation, value: sharedVersion, field: "SharedDocumentVersion", .pattern("([$]LATEST|[$]DEFAULT|[$]ALL)"))
        }
        _ = try await ownEntry(request.name, principal: principal)
        let adding = toAdd.filter { !toRemove.contains($0) }
        let existing = Set(try await documents.documentShares(accountId: principal.accountId, name: request.name).map(\.accountId))
        guard existing.union(adding).subtracting(toRemove).count <= Self.maxShares else {
            throw PortlessError(.documentPermissionLimit, "A document can be shared with at most \(Self.maxShares) accounts.", field: "AccountIdsToAdd")
        }
        try await documents.modifyDocumentShares(accountId: principal.accountId, name: request.name,
                                                 add: adding.map { DocumentShare(accountId: $0, sharedDocumentVersion: sharedVersion) },
                                                 remove: toRemove)
    }

    // MARK: Tags

    func addTags(_ request: TagResourceRequest, principal: Principal) async throws {
        let entry = try await taggable(request, principal: principal)
        let tags = request.tags ?? []
        guard !tags.isEmpty else { throw PortlessError(.validation, "Tags must not be empty.", field: "Tags") }
        try TagRules.validate(tags)
        let existing = try await self.tags(of: entry.record)
        guard Set(existing.map(\.key)).union(tags.map(\.key)).count <= TagRules.maxTagsPerResource else {
            throw PortlessError(.tooManyTagsError, "A resource may have at most \(TagRules.maxTagsPerResource) tags.", field: "Tags")
        }
        try await store.addTags(tags, resourceType: DocumentTagKey.resourceType,
                                resourceId: DocumentTagKey.resourceId(accountId: principal.accountId, name: entry.record.name))
    }

    func listTags(_ request: TagResourceRequest, principal: Principal) async throws -> [Tag] {
        try await tags(of: try await taggable(request, principal: principal).record)
    }

    func removeTags(_ request: TagResourceRequest, principal: Principal) async throws {
        let entry = try await taggable(request, principal: principal)
        guard let keys = request.tagKeys, !keys.isEmpty else { throw PortlessError(.validation, "TagKeys must not be empty.", field: "TagKeys") }
        try await store.removeTags(keys: keys, resourceType: DocumentTagKey.resourceType,
                                   resourceId: DocumentTagKey.resourceId(accountId: principal.accountId, name: entry.record.name))
    }

    private func taggable(_ request: TagResourceRequest, principal: Principal) async throws -> DocumentEntry {
        do {
            return try await ownEntry(request.resourceId, principal: principal, field: "ResourceId")
        } catch let error as PortlessError where error.code == .invalidDocument || error.code == .validation {
            throw PortlessError(.invalidResourceId, "Document \(request.resourceId) does not exist.", field: "ResourceId")
        }
    }

    private func tags(of record: DocumentRecord) async throws -> [Tag] {
        try await store.tags(resourceType: DocumentTagKey.resourceType,
                             resourceId: DocumentTagKey.resourceId(accountId: record.accountId, name: record.name))
    }

    // MARK: Helpers

    /// A document the caller owns, for operations only owners may make.
    private func ownEntry(_ name: String, principal: Principal, field: String = "Name") async throws -> DocumentEntry {
        if DocumentCatalog.isBuiltin(name) {
            throw PortlessError(.invalidDocumentOperation, "Document \(name) is owned by Amazon and cannot be changed.", field: field)
        }
        guard DocumentNameRules.isValidName(name) else {
            throw ConstraintViolation.error(.validation, value: name, field: field, .pattern("^[a-zA-Z0-9_\\-.]{3,128}$"))
        }
        guard let record = try await documents.document(accountId: principal.accountId, name: name) else {
            throw PortlessError.documentNotFound(field: field)
        }
        return DocumentEntry(record: record, versions: try await documents.documentVersions(accountId: principal.accountId, name: name),
                             owner: principal.accountId)
    }

    /// Validates `content` as a document of `type` and returns its normalized tree.
    private static func validate(_ content: String, format: DocumentFormat, type: DocumentType) throws -> JSONValue {
        guard !content.isEmpty else { throw ConstraintViolation.error(.validation, value: content, field: "Content", .minLength(1)) }
        switch type {
        case .command: return try DocumentValidator.validate(content, format: format).content
        case .session: return try SessionDocumentValidator.validate(content, format: format).content
        }
    }

    /// The type CreateDocument asks for (`Command` when absent); SSM's other types are not supported.
    private static func documentType(_ raw: String?) throws -> DocumentType {
        guard let raw else { return .command }
        guard let type = DocumentType(rawValue: raw) else {
            throw PortlessError(.validation, "DocumentType \(raw) is not supported; Portless stores Command and Session documents.", field: "DocumentType")
        }
        return type
    }

    private static func format(_ raw: String?, default fallback: DocumentFormat = .json) throws -> DocumentFormat {
        guard let raw else { return fallback }
        guard let format = DocumentFormat(rawValue: raw) else {
            guard raw == "TEXT" else {
                throw ConstraintViolation.error(.validation, value: raw, field: "DocumentFormat", .enumeration(["YAML", "JSON", "TEXT"]))
            }
            throw PortlessError(.validation, "DocumentFormat TEXT is not used by Command or Session documents; use JSON or YAML.", field: "DocumentFormat")
        }
        return format
    }

    private static func checkTargetType(_ targetType: String) throws {
        guard targetType.count <= 200 else {
            throw ConstraintViolation.error(.validation, value: targetType, field: "TargetType", .maxLength(200))
        }
        guard targetType.hasPrefix("/") else {
            throw ConstraintViolation.error(.validation, value: targetType, field: "TargetType", .pattern("^\\/[\\w\\.\\-\\:\\/]*$"))
        }
    }

    private static func checkPermissionType(_ type: String) throws {
        guard type == "Share" else {
            // moto's text for this code (SSM answers an unknown type with InvalidPermissionType).
            throw PortlessError(aws: .invalidPermissionType,
                                "Value '\(type)' at 'permissionType' failed to satisfy constraint: Member must satisfy enum value set: [Share].",
                                field: "PermissionType")
        }
    }

    /// Account IDs as given (12 digits, or `All` in any case), normalized and de-duplicated.
    private static func accountIds(_ ids: [String]?, field: String) throws -> [String] {
        let ids = ids ?? []
        guard ids.count <= maxAccountsPerCall else {
            throw PortlessError(.documentPermissionLimit, "At most \(maxAccountsPerCall) account IDs may be given in one call.", field: field)
        }
        var result: [String] = []
        for (index, id) in ids.enumerated() {
            let normalized: String
            if id.lowercased() == "all" {
                normalized = "All"
            } else if id.count == 12, id.allSatisfy({ $0.isASCII && $0.isNumber }) {
                normalized = id
            } else {
                throw PortlessError(.validation, "'\(id)' is not an account ID (12 digits) or All.", field: "\(field)[\(index)]")
            }
            if !result.contains(normalized) { result.append(normalized) }
        }
        return result
    }
}
