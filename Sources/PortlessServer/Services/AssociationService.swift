import Foundation
import PortlessCore

/// State Manager associations: made, changed and removed as SSM does, each change a new version, and run through
/// `AssociationExecutor` at creation and update (unless they apply only at their cron times) and on request.
struct AssociationService: Sendable {
    static let maxAssociations = 2000
    static let maxVersions = 1000
    static let documentNamePattern = "^[a-zA-Z0-9_\\-.:/]{3,128}$"
    static let associationNamePattern = "^[a-zA-Z0-9_\\-.]{3,128}$"
    static let documentVersionPattern = "([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)"
    static let associationIdPattern = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

    let store: any Store & AssociationStore
    let documents: DocumentCatalog
    let output: CommandOutputWriter
    let executor: AssociationExecutor
    let limits: AssociationScheduleLimits

    /// `CreateAssociation`.
    func create(_ request: AssociationSettingsRequest, principal: Principal, now: Date = Date()) async throws -> AssociationRecord {
        guard let name = request.name else { throw ConstraintViolation.error(.validation, value: nil, field: "Name", .notNull) }
        var association = AssociationRecord(associationId: Identifiers.uuid(), accountId: principal.accountId, name: name, createdDate: now)
        try await apply(request, to: &association, now: now)
        let existing = try await store.associations(accountId: principal.accountId)
        guard existing.count < Self.maxAssociations else {
            throw PortlessError.Associations.limitExceeded
        }
        if existing.contains(where: { Self.sameAssociation($0, association) }) { throw PortlessError.Associations.alreadyExists }
        try await store.insertAssociation(association)
        return try await runUnlessDeferred(association)
    }

    /// `UpdateAssociation`: optional settings left out of the request are cleared, as SSM clears them; the document
    /// and targets stay unless given.
    func update(_ request: AssociationSettingsRequest, principal: Principal, now: Date = Date()) async throws -> AssociationRecord {
        let current = try await owned(request.associationId, principal: principal)
        if let version = request.associationVersion, version != "$LATEST", version != String(current.associationVersion) {
            throw PortlessError.Associations.invalidVersion
        }
        guard current.associationVersion < Self.maxVersions else { throw PortlessError.Associations.versionLimitExceeded }
        var updated = current
        updated.name = request.name ?? current.name
        try await apply(request, to: &updated, now: now, keepingTargets: request.targets == nil && request.instanceId == nil)
        let changes = updated
        guard let stored = try await store.modifyAssociation(id: current.associationId, { association in
            guard association.associationVersion == current.associationVersion else { throw PortlessError.Associations.tooManyUpdates }
            var next = changes
            next.associationVersion = association.associationVersion + 1
            next.overview = association.overview
            next.lastExecutionDate = association.lastExecutionDate
            next.lastSuccessfulExecutionDate = association.lastSuccessfulExecutionDate
            association = next
        }) else { throw PortlessError.Associations.doesNotExist }
        return try await runUnlessDeferred(stored.association)
    }

    /// `DeleteAssociation`, by ID or by document name and node.
    func delete(_ request: AssociationLookupRequest, principal: Principal) async throws {
        let association = try await lookup(request, principal: principal)
        try await store.deleteAssociation(id: association.associationId)
    }

    /// `StartAssociationsOnce`: runs each association now, on every node its targets choose.
    func startOnce(_ request: StartAssociationsOnceRequest, principal: Principal) async throws {
        guard (1...10).contains(request.associationIds.count) else {
            throw ConstraintViolation.error(.validation, value: ConstraintViolation.list(request.associationIds), field: "AssociationIds",
                                            request.associationIds.isEmpty ? .minLength(1) : .maxLength(10))
        }
        var associations: [AssociationRecord] = []
        for id in request.associationIds {
            do {
                associations.append(try await owned(id, principal: principal))
            } catch let error as PortlessError where error.code == .associationDoesNotExist {
                throw PortlessError.Associations.invalidAssociation
            }
        }
        for association in associations { await executor.execute(association) }
    }

    /// The caller's association `id`, or `AssociationDoesNotExist`.
    func owned(_ id: String?, principal: Principal) async throws -> AssociationRecord {
        guard let id else { throw ConstraintViolation.error(.validation, value: nil, field: "AssociationId", .notNull) }
        guard Identifiers.isUUID(id) else {
            throw ConstraintViolation.error(.validation, value: id, field: "AssociationId", .pattern(Self.associationIdPattern))
        }
        guard let association = try await store.association(id: id.lowercased()), association.accountId == principal.accountId else {
            throw PortlessError.Associations.doesNotExist
        }
        return association
    }

    /// The association a DescribeAssociation/DeleteAssociation request names: by `AssociationId`, or by `Name` and
    /// `InstanceId` (an association made for that one node).
    func lookup(_ request: AssociationLookupRequest, principal: Principal) async throws -> AssociationRecord {
        if let id = request.associationId { return try await owned(id, principal: principal) }
        guard let name = request.name, let instanceId = request.instanceId else {
            throw PortlessError(.invalidParameters, "Give AssociationId, or both Name and InstanceId.", field: "AssociationId")
        }
        guard let found = try await store.associations(accountId: principal.accountId)
            .first(where: { $0.instanceId == instanceId && Self.documentName($0.name) == Self.documentName(name) }) else {
            throw PortlessError.Associations.doesNotExist
        }
        return found
    }

    /// Checks the request's settings and writes them onto `association` (a new version's settings start empty).
    private func apply(_ request: AssociationSettingsRequest, to association: inout AssociationRecord, now: Date,
                       keepingTargets: Bool = false) async throws {
        if let field = request.unsupported.first {
            throw PortlessError(.invalidParameters, "\(field) is not supported by this server.", field: field)
        }
        try Self.check(association.name, field: "Name", pattern: Self.documentNamePattern, valid: Self.isDocumentName)
        if let version = request.documentVersion {
            try Self.check(version, field: "DocumentVersion", pattern: Self.documentVersionPattern) {
                $0 == "$LATEST" || $0 == "$DEFAULT" || ($0.first != "0" && !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber })
            }
        }
        if let name = request.associationName {
            try Self.check(name, field: "AssociationName", pattern: Self.associationNamePattern) {
                (3...128).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
            }
        }
        if let value = request.maxConcurrency, !RatePattern.isConcurrency(value) {
            throw RatePattern.violation(value, field: "MaxConcurrency", pattern: RatePattern.concurrencyPattern)
        }
        if let value = request.maxErrors, !RatePattern.isErrorLimit(value) {
            throw RatePattern.violation(value, field: "MaxErrors", pattern: RatePattern.errorLimitPattern)
        }
        association.complianceSeverity = try Self.enumeration(request.complianceSeverity, field: "ComplianceSeverity")
        association.syncCompliance = try Self.enumeration(request.syncCompliance, field: "SyncCompliance")
        if !keepingTargets {
            try await applyTargets(request, to: &association)
        }
        let applyOnly = request.applyOnlyAtCronInterval ?? false
        var schedule: AssociationSchedule?
        if let text = request.scheduleExpression {
            schedule = try limits.parse(text, offsetDays: request.scheduleOffset, applyOnlyAtCronInterval: applyOnly)
        } else if applyOnly || request.scheduleOffset != nil {
            throw PortlessError(.invalidParameters, "ApplyOnlyAtCronInterval and ScheduleOffset need a cron ScheduleExpression.",
                                field: applyOnly ? "ApplyOnlyAtCronInterval" : "ScheduleOffset")
        }
        let document = try await documents.resolve(name: association.name, version: request.documentVersion, accountId: association.accountId)
        _ = try CommandPlanner.plan(document.content, parameters: request.parameters ?? [:])
        try await output.checkBucket(request.outputLocation?.s3Location?.outputS3BucketName, accountId: association.accountId)

        association.documentVersion = request.documentVersion
        association.parameters = request.parameters ?? [:]
        association.scheduleExpression = request.scheduleExpression
        association.scheduleOffset = request.scheduleOffset
        association.applyOnlyAtCronInterval = applyOnly
        association.outputLocation = request.outputLocation
        association.associationName = request.associationName
        association.maxConcurrency = request.maxConcurrency
        association.maxErrors = request.maxErrors
        association.lastUpdateAssociationDate = now
        association.nextRunAt = schedule?.nextRun(after: now)
    }

    /// `Targets` (checked as SendCommand checks them, `InstanceIds` `*` meaning every node) or the older `InstanceId`.
    private func applyTargets(_ request: AssociationSettingsRequest, to association: inout AssociationRecord) async throws {
        switch (request.instanceId, request.targets) {
        case (_?, _?):
            throw PortlessError(.invalidParameters, "InstanceId and Targets cannot both be given.", field: "Targets")
        case (nil, nil):
            throw PortlessError(.invalidTarget, "Give Targets (or InstanceId) for the association.", field: "Targets")
        case (let id?, nil):
            guard Identifiers.isNodeID(id) else {
                throw ConstraintViolation.error(.validation, value: id, field: "InstanceId", .pattern("(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)"))
            }
            guard let node = try await store.node(id: id), node.accountId == association.accountId else {
                throw PortlessError(.invalidInstanceId, "Instance \(id) is not a managed node of this account.", field: "InstanceId")
            }
            association.instanceId = id
            association.targets = []
        case (nil, let targets?):
            _ = try TargetSelector(targets)
            association.instanceId = nil
            association.targets = targets
        }
    }

    private func runUnlessDeferred(_ association: AssociationRecord) async throws -> AssociationRecord {
        guard !association.applyOnlyAtCronInterval else { return association }
        await executor.execute(association)
        return try await store.association(id: association.associationId) ?? association
    }

    /// Two associations SSM would take for the same one: the same node by `InstanceId` and document, or the same
    /// document, targets, parameters, schedule and name.
    static func sameAssociation(_ one: AssociationRecord, _ other: AssociationRecord) -> Bool {
        guard documentName(one.name) == documentName(other.name) else { return false }
        if let id = one.instanceId, id == other.instanceId { return true }
        return one.instanceId == nil && other.instanceId == nil && one.targets == other.targets && one.parameters == other.parameters
            && one.scheduleExpression == other.scheduleExpression && one.associationName == other.associationName
            && one.documentVersion == other.documentVersion
    }

    /// A document's name from its name or ARN.
    static func documentName(_ nameOrArn: String) -> String {
        nameOrArn.hasPrefix("arn:") ? String(nameOrArn.split(separator: "/").last ?? "") : nameOrArn
    }

    static func isDocumentName(_ value: String) -> Bool {
        (3...128).contains(value.count) && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:/".contains($0)) }
    }

    private static func check(_ value: String, field: String, pattern: String, valid: (String) -> Bool) throws {
        guard valid(value) else { throw ConstraintViolation.error(.validation, value: value, field: field, .pattern(pattern)) }
    }

    private static func enumeration<T: RawRepresentable & CaseIterable>(_ value: String?, field: String) throws -> T? where T.RawValue == String {
        guard let value else { return nil }
        guard let parsed = T(rawValue: value) else {
            throw ConstraintViolation.error(.validation, value: value, field: field, .enumeration(T.allCases.map(\.rawValue)))
        }
        return parsed
    }
}
