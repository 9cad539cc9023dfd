import Foundation
import PortlessCore

/// Parameter Store: writes parameter versions, reads them by name, selector, path and filter, keeps their
/// history, labels and tags, and publishes "Parameter Store Change" events. SecureString values are encrypted and
/// decrypted by KMS on the caller's behalf (`kms:ViaService` ssm), so reading one decrypted needs `kms:Decrypt` on
/// its key.
struct ParameterService: Sendable {
    let store: any ParameterStore & Store
    let kms: KMSService
    let events: EventBus
    let region: String

    /// PutParameter's input, as the request gives it.
    struct PutInput: Sendable {
        var name: String
        var value: String
        var type: String?
        var description: String?
        var keyId: String?
        var overwrite = false
        var allowedPattern: String?
        var tags: [Tag]?
        var tier: String?
        var policies: String?
        var dataType: String?
    }

    /// A version as read, with the selector that picked it and its value decrypted when asked.
    struct ReadParameter: Sendable {
        var record: ParameterRecord
        var selector: String?
    }

    static let dataTypes = ["text", "aws:ec2:image", "aws:ssm:integration"]

    // MARK: Writing

    /// PutParameter: validates everything before anything is written, encrypts a SecureString, adds the version.
    func put(_ input: PutInput, caller: KMSCaller, now: Date = Date()) async throws -> ParameterRecord {
        try ParameterNames.validateForWrite(input.name)
        let requestedType = try input.type.map { text in
            guard let type = ParameterType(rawValue: text) else { throw ParameterErrors.unsupportedType }
            return type
        }
        if let tags = input.tags {
            guard !input.overwrite else { throw ParameterErrors.tagsWithOverwrite }
            try TagRules.validate(tags)
        }
        if let description = input.description, description.count > 1024 {
            throw ConstraintViolation.error(.validation, value: description, field: "Description", .maxLength(1024))
        }
        let dataType = input.dataType ?? "text"
        guard Self.dataTypes.contains(dataType) else { throw ParameterErrors.dataType(dataType) }
        let policies = try input.policies.map { try ParameterPolicy.parse($0, now: now) } ?? []
        guard input.value.count >= 1 else { throw ConstraintViolation.withoutValue(.validation, field: "Value", .minLength(1)) }
        if let pattern = input.allowedPattern { try Self.check(input.value, against: pattern) }

        let current = try await store.parameter(accountId: caller.accountId, name: input.name)
        if current != nil && !input.overwrite { throw ParameterErrors.alreadyExists }
        guard let type = requestedType ?? current?.type else { throw ParameterErrors.typeRequired }
        if input.keyId != nil && type != .secureString { throw ParameterErrors.keyIdOnlyForSecureString }
        let tier = try Self.tier(requested: input.tier, current: current?.tier, valueLength: input.value.count, hasPolicies: !policies.isEmpty)

        let arn = ParameterNames.arn(region: region, account: caller.accountId, name: input.name)
        var stored = input.value
        var keyId: String?
        if type == .secureString {
            keyId = input.keyId ?? (current?.type == .secureString ? current?.keyId : nil) ?? KMSNames.ssmManagedAlias
            stored = try await encrypt(input.value, keyId: keyId ?? KMSNames.ssmManagedAlias, arn: arn, caller: caller).base64EncodedString()
        }
        let record = ParameterRecord(accountId: caller.accountId, name: input.name, type: type, value: stored, keyId: keyId, version: 0,
                                     lastModifiedDate: now, lastModifiedUser: caller.principal.arn,
                                     description: input.description ?? current?.description, allowedPattern: input.allowedPattern,
                                     tier: tier, policies: policies, dataType: dataType)
        let overwrite = input.overwrite
        let written = try await store.modifyParameter(accountId: caller.accountId, name: input.name) { versions in
            let updated = try ParameterHistory.adding(record, to: versions, overwrite: overwrite)
            return (updated, updated.last ?? record)
        }
        if let tags = input.tags, !tags.isEmpty {
            try await store.addTags(tags, resourceType: ParameterTagKey.resourceType,
                                    resourceId: ParameterTagKey.resourceId(accountId: caller.accountId, name: input.name))
        }
        await events.publish(ParameterEvents.changed(written.version == 1 ? .create : .update, written, region: region, at: now))
        return written
    }

    /// DeleteParameter.
    func delete(_ name: String, caller: KMSCaller, now: Date = Date()) async throws {
        try ParameterNames.validateFormat(name)
        let deleted = try await store.modifyParameter(accountId: caller.accountId, name: name) { versions in
            guard let latest = versions.last, !latest.isExpired(at: now) else { throw ParameterErrors.notFound(name) }
            return ([], latest)
        }
        await events.publish(ParameterEvents.changed(.delete, deleted, region: region, at: now))
    }

    /// DeleteParameters: up to 10 names; those that do not exist are returned as invalid.
    func delete(_ names: [String], caller: KMSCaller, now: Date = Date()) async throws -> (deleted: [String], invalid: [String]) {
        try Self.checkNameList(names, field: "Names")
        var deleted: [String] = []
        var invalid: [String] = []
        for name in names {
            do {
                try await delete(name, caller: caller, now: now)
                deleted.append(name)
            } catch let error as PortlessError where error.code == .parameterNotFound || error.code == .validation {
                invalid.append(name)
            }
        }
        return (deleted, invalid)
    }

    /// LabelParameterVersion.
    func label(_ name: String, version: Int?, labels: [String], caller: KMSCaller, now: Date = Date()) async throws -> (invalid: [String], version: Int) {
        try ParameterNames.validateFormat(name)
        try Self.checkLabels(labels)
        let (record, invalid, target) = try await store.modifyParameter(accountId: caller.accountId, name: name) { versions in
            let live = try Self.live(versions, at: now)
            let (updated, invalid, target) = try ParameterHistory.labelling(live, name: name, version: version, labels: labels)
            let record = updated.first(where: { $0.version == target }) ?? updated[updated.count - 1]
            return (invalid.count == labels.count ? nil : updated, (record, invalid, target))
        }
        if invalid.count < labels.count {
            await events.publish(ParameterEvents.changed(.labelParameterVersion, record, region: region, at: now))
        }
        return (invalid, target)
    }

    /// UnlabelParameterVersion.
    func unlabel(_ name: String, version: Int, labels: [String], caller: KMSCaller, now: Date = Date()) async throws -> (removed: [String], invalid: [String]) {
        try ParameterNames.validateFormat(name)
        try Self.checkLabels(labels)
        return try await store.modifyParameter(accountId: caller.accountId, name: name) { versions in
            let (updated, removed, invalid) = try ParameterHistory.unlabelling(try Self.live(versions, at: now), name: name, version: version, labels: labels)
            return (removed.isEmpty ? nil : updated, (removed, invalid))
        }
    }

    // MARK: Reading

    /// GetParameter: `name`, `name:version` or `name:label`.
    func get(_ text: String, withDecryption: Bool, caller: KMSCaller, now: Date = Date()) async throws -> ReadParameter {
        let selector = try ParameterSelector(text)
        try ParameterNames.validateFormat(selector.name)
        let versions = try Self.live(try await store.parameterVersions(accountId: caller.accountId, name: selector.name), at: now)
        let record = try ParameterHistory.select(selector.choice, name: selector.name, in: versions)
        return ReadParameter(record: try await reveal(record, withDecryption: withDecryption, caller: caller), selector: selector.text)
    }

    /// GetParameters: up to 10 selectors; those that pick nothing are returned as invalid.
    func get(_ names: [String], withDecryption: Bool, caller: KMSCaller, now: Date = Date()) async throws -> (found: [ReadParameter], invalid: [String]) {
        try Self.checkNameList(names, field: "Names")
        var found: [ReadParameter] = []
        var invalid: [String] = []
        for name in names {
            do {
                found.append(try await get(name, withDecryption: withDecryption, caller: caller, now: now))
            } catch let error as PortlessError where [.parameterNotFound, .parameterVersionNotFound, .validation].contains(error.code) {
                invalid.append(name)
            }
        }
        return (found, invalid)
    }

    /// GetParametersByPath: the parameters under `path` (one level, or all below when recursive) that pass the filters.
    func byPath(_ path: String, recursive: Bool, filters: [ParameterFilter], withDecryption: Bool, offset: Int, limit: Int,
                caller: KMSCaller, now: Date = Date()) async throws -> (items: [ParameterRecord], nextOffset: Int?) {
        let prefix = try ParameterNames.path(path)
        let checks = try ParameterFilterSet(filters, scope: .byPath)
        let candidates = try await store.parameters(accountId: caller.accountId, prefix: prefix)
            .filter { !$0.isExpired(at: now) && ParameterNames.name($0.name, isUnder: prefix, recursive: recursive) }
        let matching = try await filter(candidates, with: checks, account: caller.accountId, labelsFrom: true)
        let page = Array(matching.dropFirst(offset).prefix(limit))
        var revealed: [ParameterRecord] = []
        for record in page { revealed.append(try await reveal(record, withDecryption: withDecryption, caller: caller)) }
        return (revealed, offset + limit < matching.count ? offset + limit : nil)
    }

    /// DescribeParameters: the account's parameters (metadata only) that pass `Filters` or `ParameterFilters`.
    func describe(filters: [ParameterFilter]?, parameterFilters: [ParameterFilter]?, caller: KMSCaller, now: Date = Date()) async throws -> [ParameterRecord] {
        if filters != nil && parameterFilters != nil { throw ParameterErrors.filtersAndParameterFilters }
        var given = parameterFilters ?? []
        for filter in filters ?? [] {
            guard ["Name", "Type", "KeyId"].contains(filter.key) else { throw ParameterErrors.filterKey(filter.key, valid: ["Name", "Type", "KeyId"]) }
            given.append(ParameterFilter(key: filter.key, option: filter.key == "Name" ? "BeginsWith" : "Equals", values: filter.values))
        }
        let checks = try ParameterFilterSet(given, scope: .describe)
        let all = try await store.parameters(accountId: caller.accountId, prefix: nil).filter { !$0.isExpired(at: now) }
        return try await filter(all, with: checks, account: caller.accountId, labelsFrom: false)
    }

    /// GetParameterHistory: every kept version, oldest first.
    func history(_ name: String, withDecryption: Bool, caller: KMSCaller, now: Date = Date()) async throws -> [ParameterRecord] {
        try ParameterNames.validateFormat(name)
        let versions = try Self.live(try await store.parameterVersions(accountId: caller.accountId, name: name), at: now)
        guard !versions.isEmpty else { throw ParameterErrors.notFound(name) }
        var revealed: [ParameterRecord] = []
        for record in versions { revealed.append(try await reveal(record, withDecryption: withDecryption, caller: caller)) }
        return revealed
    }

    // MARK: Tags

    /// The tags of a parameter that exists.
    func tags(of name: String, caller: KMSCaller, now: Date = Date()) async throws -> [Tag] {
        _ = try await existing(name, caller: caller, now: now)
        return try await store.tags(resourceType: ParameterTagKey.resourceType, resourceId: ParameterTagKey.resourceId(accountId: caller.accountId, name: name))
    }

    /// AddTagsToResource for a parameter (50 tags at most).
    func addTags(_ tags: [Tag], to name: String, caller: KMSCaller, now: Date = Date()) async throws {
        guard !tags.isEmpty else { throw ConstraintViolation.withoutValue(.validation, field: "Tags", .minLength(1)) }
        try TagRules.validate(tags)
        let existing = try await self.tags(of: name, caller: caller, now: now)
        guard Set(existing.map(\.key)).union(tags.map(\.key)).count <= TagRules.maxTagsPerResource else {
            throw PortlessError(.tooManyTagsError, "A resource may have at most \(TagRules.maxTagsPerResource) tags.", field: "Tags")
        }
        try await store.addTags(tags, resourceType: ParameterTagKey.resourceType, resourceId: ParameterTagKey.resourceId(accountId: caller.accountId, name: name))
    }

    /// RemoveTagsFromResource for a parameter.
    func removeTags(_ keys: [String], from name: String, caller: KMSCaller, now: Date = Date()) async throws {
        guard !keys.isEmpty else { throw ConstraintViolation.withoutValue(.validation, field: "TagKeys", .minLength(1)) }
        _ = try await existing(name, caller: caller, now: now)
        try await store.removeTags(keys: keys, resourceType: ParameterTagKey.resourceType,
                                   resourceId: ParameterTagKey.resourceId(accountId: caller.accountId, name: name))
    }

    // MARK: Helpers

    private func existing(_ name: String, caller: KMSCaller, now: Date) async throws -> ParameterRecord {
        guard let record = try await store.parameter(accountId: caller.accountId, name: name), !record.isExpired(at: now) else {
            throw PortlessError(aws: .invalidResourceId, "The resource ID is not valid. Verify that you entered the correct ID and try again.",
                                field: "ResourceId")
        }
        return record
    }

    /// The record with its SecureString value decrypted, if asked (needs `kms:Decrypt` on its key through SSM).
    private func reveal(_ record: ParameterRecord, withDecryption: Bool, caller: KMSCaller) async throws -> ParameterRecord {
        guard withDecryption, record.type == .secureString, let blob = Data(base64Encoded: record.value) else { return record }
        let arn = ParameterNames.arn(region: region, account: record.accountId, name: record.name)
        let (_, plaintext) = try await kms.decrypt(blob, keyId: nil, context: ["PARAMETER_ARN": arn], caller: via(caller))
        var revealed = record
        revealed.value = String(decoding: plaintext, as: UTF8.self)
        return revealed
    }

    private func encrypt(_ value: String, keyId: String, arn: String, caller: KMSCaller) async throws -> Data {
        do {
            return try await kms.encrypt(Data(value.utf8), keyId: keyId, context: ["PARAMETER_ARN": arn], caller: via(caller)).blob
        } catch let error as PortlessError where error.code == .kmsNotFound {
            throw ParameterErrors.invalidKeyId(keyId)
        }
    }

    /// The caller as KMS sees it when Parameter Store acts for it.
    private func via(_ caller: KMSCaller) -> KMSCaller {
        KMSCaller(principal: caller.principal, facts: caller.facts, viaService: "ssm", region: region)
    }

    private func filter(_ records: [ParameterRecord], with checks: ParameterFilterSet, account: String, labelsFrom history: Bool) async throws -> [ParameterRecord] {
        var kept: [ParameterRecord] = []
        for record in records {
            var candidate = record
            if history, checks.needsLabels {
                candidate.labels = try await store.parameterVersions(accountId: account, name: record.name).flatMap(\.labels)
            }
            let tags = checks.needsTags
                ? try await store.tags(resourceType: ParameterTagKey.resourceType, resourceId: ParameterTagKey.resourceId(accountId: account, name: record.name))
                : []
            if checks.matches(candidate, tags: tags) { kept.append(record) }
        }
        return kept
    }

    /// Versions of a parameter that has not expired (an expired one is gone).
    private static func live(_ versions: [ParameterRecord], at now: Date) throws -> [ParameterRecord] {
        guard let latest = versions.last, !latest.isExpired(at: now) else { return [] }
        return versions
    }

    /// The tier a version is stored in, and SSM's refusals: no downgrade from Advanced, values over the tier's size.
    static func tier(requested: String?, current: ParameterTier?, valueLength: Int, hasPolicies: Bool) throws -> ParameterTier {
        let asked = try requested.map { text in
            guard let tier = ParameterTier(rawValue: text) else {
                throw ConstraintViolation.error(.validation, value: text, field: "Tier", .enumeration(ParameterTier.allCases.map(\.rawValue)))
            }
            return tier
        }
        let tier: ParameterTier
        switch asked {
        case .intelligentTiering?: tier = valueLength > 4096 || hasPolicies || current == .advanced ? .advanced : .standard
        case let explicit?: tier = explicit
        case nil: tier = current ?? .standard
        }
        if tier == .standard && current == .advanced { throw ParameterErrors.noDowngrade }
        if tier == .standard && valueLength > 4096 { throw ParameterErrors.standardTooLarge }
        if valueLength > 8192 { throw ConstraintViolation.withoutValue(.validation, field: "Value", .maxLength(8192)) }
        if tier == .standard && hasPolicies { throw ParameterErrors.policiesNeedAdvanced }
        return tier
    }

    /// `AllowedPattern`: at most 1024 characters, a valid regular expression the value matches.
    static func check(_ value: String, against pattern: String) throws {
        guard pattern.count <= 1024 else { throw ConstraintViolation.error(.validation, value: pattern, field: "AllowedPattern", .maxLength(1024)) }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { throw ParameterErrors.invalidPattern(pattern) }
        guard regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil else { throw ParameterErrors.patternMismatch(pattern) }
    }

    private static func checkNameList(_ names: [String], field: String) throws {
        guard !names.isEmpty else { throw ConstraintViolation.withoutValue(.validation, field: field, .minLength(1)) }
        guard names.count <= 10 else {
            throw ConstraintViolation.error(.validation, value: ConstraintViolation.list(names), field: field, .maxLength(10))
        }
    }

    private static func checkLabels(_ labels: [String]) throws {
        guard !labels.isEmpty else { throw ConstraintViolation.withoutValue(.validation, field: "Labels", .minLength(1)) }
        guard labels.count <= ParameterHistory.maxLabelsPerVersion else {
            throw ConstraintViolation.error(.validation, value: ConstraintViolation.list(labels), field: "Labels", .maxLength(10))
        }
    }
}
