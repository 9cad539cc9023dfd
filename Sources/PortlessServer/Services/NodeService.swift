import Foundation
import PortlessCore

/// Managed nodes: listing with live ping status, and tags.
struct NodeService: Sendable {
    static let resourceType = "ManagedInstance"

    let store: any Store
    let connections: AgentConnections
    let latestAgentVersion: String
    /// Told when a node gains tags, with the tags it had before (State Manager runs associations it now matches).
    var tagsAdded: @Sendable (_ accountId: String, _ instanceId: String, _ before: [Tag]) async -> Void = { _, _, _ in }

    func describe(_ request: DescribeInstanceInformationRequest, principal: Principal) async throws -> (list: [InstanceInformationShape], nextToken: String?) {
        let limit = try Pagination.limit(request.maxResults, range: 5...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        let nodes = try await store.nodes(accountId: principal.accountId)
        let tags = try await store.allTags(resourceType: Self.resourceType)
        var shapes: [InstanceInformationShape] = []
        for node in nodes {
            let online = await connections.isConnected(node.instanceId)
            var current = node
            if online, let lastSeen = await connections.lastSeen(node.instanceId) { current.lastPingDateTime = lastSeen }
            shapes.append(InstanceInformationShape(node: current, pingStatus: online ? "Online" : "ConnectionLost",
                                                   latestAgentVersion: latestAgentVersion))
        }
        let filters = (request.filters ?? []).map { ($0.key, $0.values) }
            + (request.instanceInformationFilterList ?? []).map { ($0.key, $0.valueSet) }
        for (index, (key, values)) in filters.enumerated() {
            let field = "Filters[\(index)]"
            guard !values.isEmpty else { throw PortlessError(.invalidFilterValue, "Filter \(key) needs at least one value.", field: "\(field).Values") }
            let wanted = Set(values)
            shapes = try shapes.filter { shape in
                let nodeTags = tags[shape.node.instanceId] ?? []
                switch key {
                case "InstanceIds": return wanted.contains(shape.node.instanceId)
                case "PingStatus": return wanted.contains(shape.pingStatus)
                case "PlatformTypes": return wanted.contains(shape.node.info.platformType)
                case "AgentVersion": return wanted.contains(shape.node.info.agentVersion)
                case "ActivationIds": return wanted.contains(shape.node.activationId)
                case "ResourceType": return wanted.contains(Self.resourceType)
                case "tag-key": return nodeTags.contains { wanted.contains($0.key) }
                case let tagKey where tagKey.hasPrefix("tag:"):
                    return nodeTags.contains { $0.key == tagKey.dropFirst(4) && wanted.contains($0.value) }
                default:
                    throw PortlessError(.invalidFilterKey, "Filter key '\(key)' is not supported.", field: "\(field).Key")
                }
            }
        }
        let page = Pagination.page(shapes, offset: offset, limit: limit)
        return (page.items, page.nextToken)
    }

    func addTags(_ request: TagResourceRequest, principal: Principal) async throws {
        try await checkResource(request, principal: principal)
        let tags = request.tags ?? []
        guard !tags.isEmpty else { throw PortlessError(.validation, "Tags must not be empty.", field: "Tags") }
        try TagRules.validate(tags)
        let existing = try await store.tags(resourceType: Self.resourceType, resourceId: request.resourceId)
        let keys = Set(existing.map(\.key)).union(tags.map(\.key))
        guard keys.count <= TagRules.maxTagsPerResource else {
            throw PortlessError(.tooManyTagsError, "A resource may have at most \(TagRules.maxTagsPerResource) tags.", field: "Tags")
        }
        try await store.addTags(tags, resourceType: Self.resourceType, resourceId: request.resourceId)
        await tagsAdded(principal.accountId, request.resourceId, existing)
    }

    func listTags(_ request: TagResourceRequest, principal: Principal) async throws -> [Tag] {
        try await checkResource(request, principal: principal)
        return try await store.tags(resourceType: Self.resourceType, resourceId: request.resourceId)
    }

    func removeTags(_ request: TagResourceRequest, principal: Principal) async throws {
        try await checkResource(request, principal: principal)
        guard let keys = request.tagKeys, !keys.isEmpty else {
            throw PortlessError(.validation, "TagKeys must not be empty.", field: "TagKeys")
        }
        try await store.removeTags(keys: keys, resourceType: Self.resourceType, resourceId: request.resourceId)
    }

    private func checkResource(_ request: TagResourceRequest, principal: Principal) async throws {
        guard request.resourceType == Self.resourceType else {
            throw PortlessError(.invalidResourceType, "Resource type '\(request.resourceType)' is not supported here; use ManagedInstance.", field: "ResourceType")
        }
        guard let node = try await store.node(id: request.resourceId), node.accountId == principal.accountId else {
            throw PortlessError(.invalidResourceId, "Managed node \(request.resourceId) does not exist.", field: "ResourceId")
        }
    }
}
