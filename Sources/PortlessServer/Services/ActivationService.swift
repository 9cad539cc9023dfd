import Crypto
import Foundation
import PortlessCore

/// Activations and node registration.
struct ActivationService: Sendable {
    static let defaultLifetime: TimeInterval = 24 * 3600
    static let maxLifetime: TimeInterval = 30 * 24 * 3600

    let store: any Store
    let nodeIdentity: NodeIdentity

    /// Makes an activation; its role must be one the caller may pass to SSM (made if the account lacks it).
    func create(_ request: CreateActivationRequest, principal: Principal, facts: CallFacts, now: Date = Date()) async throws -> CreateActivationResponse {
        guard !request.iamRole.isEmpty else { throw PortlessError(.validation, "IamRole must be 1 to 64 characters.", field: "IamRole") }
        guard request.iamRole.count <= 64 else {
            throw ConstraintViolation.error(.validation, value: request.iamRole, field: "IamRole", .maxLength(64))
        }
        let limit = request.registrationLimit ?? 1
        guard (1...1000).contains(limit) else {
            throw ConstraintViolation.error(.validation, value: String(limit), field: "RegistrationLimit", limit < 1 ? .minValue(1) : .maxValue(1000))
        }
        let expiration = request.expirationDate ?? now.addingTimeInterval(Self.defaultLifetime)
        guard expiration > now, expiration <= now.addingTimeInterval(Self.maxLifetime) else {
            throw PortlessError(.validation, "ExpirationDate must be in the future and at most 30 days away.", field: "ExpirationDate")
        }
        if let name = request.defaultInstanceName, name.isEmpty {
            throw PortlessError(.validation, "DefaultInstanceName must be 1 to 256 characters.", field: "DefaultInstanceName")
        }
        if let name = request.defaultInstanceName, name.count > 256 {
            throw ConstraintViolation.error(.validation, value: name, field: "DefaultInstanceName", .maxLength(256))
        }
        if let description = request.description, description.count > 256 {
            throw ConstraintViolation.error(.validation, value: description, field: "Description", .maxLength(256))
        }
        let tags = request.tags ?? []
        try TagRules.validate(tags)
        try await nodeIdentity.prepareActivationRole(request.iamRole, principal: principal, facts: facts, now: now)
        let code = Identifiers.activationCode()
        let record = ActivationRecord(
            activationId: Identifiers.uuid(), accountId: principal.accountId, codeHash: Self.hash(code),
            iamRole: request.iamRole, registrationLimit: limit, registrationsCount: 0, expirationDate: expiration,
            defaultInstanceName: request.defaultInstanceName, description: request.description, tags: tags, createdDate: now)
        try await store.insertActivation(record)
        return CreateActivationResponse(activationId: record.activationId, activationCode: code)
    }

    func describe(_ request: DescribeActivationsRequest, principal: Principal) async throws -> (list: [ActivationRecord], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        var activations = try await store.activations(accountId: principal.accountId)
        for (index, filter) in (request.filters ?? []).enumerated() {
            let values = Set(filter.filterValues ?? [])
            guard !values.isEmpty else {
                throw PortlessError(.invalidFilter, "Filter \(filter.filterKey ?? "") needs at least one value.", field: "Filters[\(index)].FilterValues")
            }
            switch filter.filterKey {
            case "ActivationIds": activations = activations.filter { values.contains($0.activationId) }
            case "DefaultInstanceName": activations = activations.filter { values.contains($0.defaultInstanceName ?? "") }
            case "IamRole": activations = activations.filter { values.contains($0.iamRole) }
            default:
                throw PortlessError(.invalidFilter, "Filter key '\(filter.filterKey ?? "")' is not supported.", field: "Filters[\(index)].FilterKey")
            }
        }
        let page = Pagination.page(activations, offset: offset, limit: limit)
        return (page.items, page.nextToken)
    }

    func delete(_ request: DeleteActivationRequest, principal: Principal) async throws {
        guard Identifiers.isUUID(request.activationId) else {
            throw PortlessError(.invalidActivationId, "'\(request.activationId)' is not a valid activation ID.", field: "ActivationId")
        }
        guard let activation = try await store.activation(id: request.activationId), activation.accountId == principal.accountId else {
            throw PortlessError(.invalidActivation, "Activation \(request.activationId) does not exist.", field: "ActivationId")
        }
        try await store.deleteActivation(id: activation.activationId)
    }

    /// Registers a node with an activation: the code must match, the activation be unexpired and under its limit.
    func register(_ request: RegistrationRequest, now: Date = Date()) async throws -> NodeRecord {
        guard let publicKey = Data(base64Encoded: request.publicKey),
              (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else {
            throw PortlessError(.validation, "publicKey must be a base64 Ed25519 public key.", field: "publicKey")
        }
        guard Identifiers.isUUID(request.activationId), let activation = try await store.activation(id: request.activationId) else {
            throw PortlessError(.invalidActivation, "Activation \(request.activationId) does not exist.", field: "activationId")
        }
        if try await store.nodeExists(publicKey: publicKey) {
            throw PortlessError(.duplicateInstanceId, "This node key is already registered.", field: "publicKey")
        }
        let node = NodeRecord(instanceId: Identifiers.nodeID(), accountId: activation.accountId, activationId: activation.activationId,
                              iamRole: activation.iamRole, publicKey: publicKey, name: activation.defaultInstanceName,
                              info: request.info, registrationDate: now, lastPingDateTime: nil, online: false)
        let codeHash = Self.hash(request.activationCode)
        try await store.registerNode(node, activationId: activation.activationId) { current in
            guard ConstantTime.equals(current.codeHash, codeHash) else {
                throw PortlessError(.invalidActivation, "The activation code does not match activation \(current.activationId).", field: "activationCode")
            }
            guard !current.isExpired(at: now) else {
                throw PortlessError(.invalidActivation, "Activation \(current.activationId) has expired.", field: "activationId")
            }
            guard current.registrationsCount < current.registrationLimit else {
                throw PortlessError(.invalidActivation, "Activation \(current.activationId) has reached its registration limit of \(current.registrationLimit).", field: "activationId")
            }
        }
        return node
    }

    static func hash(_ code: String) -> String { SigV4.hexSHA256(Array(code.utf8)) }
}
