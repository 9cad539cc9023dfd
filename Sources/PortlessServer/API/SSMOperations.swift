import Foundation
import PortlessCore

/// The `AmazonSSM.*` operations: each decodes its input, calls a service and encodes SSM's reply.
struct SSMOperations: Sendable {
    let activations: ActivationService
    let nodes: NodeService
    let commands: CommandService
    let documents: DocumentService
    let associations: AssociationService
    let compliance: ComplianceService
    let parameters: ParameterService
    let sessions: SessionService
    let store: any Store
    /// Where output URLs point.
    let endpoint: ServerEndpoint

    /// Runs `operation` (the part after `AmazonSSM.`) and returns the JSON reply body.
    func handle(_ operation: String, body: Data, principal: Principal, facts: CallFacts) async throws -> Data {
        switch operation {
        case "CreateActivation":
            let reply = try await activations.create(try decode(body), principal: principal, facts: facts)
            return try encode(reply)
        case "DescribeActivations":
            let page = try await activations.describe(try decode(body), principal: principal)
            let now = Date()
            return try encode(ListReply(key: "ActivationList", items: page.list.map { ActivationShape(record: $0, now: now) }, nextToken: page.nextToken))
        case "DeleteActivation":
            try await activations.delete(try decode(body), principal: principal)
            return Data("{}".utf8)
        case "DescribeInstanceInformation":
            let page = try await nodes.describe(try decode(body), principal: principal)
            return try encode(ListReply(key: "InstanceInformationList", items: page.list, nextToken: page.nextToken))
        case "AddTagsToResource":
            let request: TagResourceRequest = try decode(body)
            if request.resourceType == ParameterTagKey.resourceType {
                try await parameters.addTags(request.tags ?? [], to: request.resourceId, caller: KMSCaller(principal: principal, facts: facts))
            } else if request.resourceType == DocumentTagKey.resourceType {
                try await documents.addTags(request, principal: principal)
            } else {
                try await nodes.addTags(request, principal: principal)
            }
            return Data("{}".utf8)
        case "ListTagsForResource":
            let request: TagResourceRequest = try decode(body)
            let tags = request.resourceType == ParameterTagKey.resourceType
                ? try await parameters.tags(of: request.resourceId, caller: KMSCaller(principal: principal, facts: facts))
                : request.resourceType == DocumentTagKey.resourceType
                ? try await documents.listTags(request, principal: principal)
                : try await nodes.listTags(request, principal: principal)
            return try encode(ListReply(key: "TagList", items: tags, nextToken: nil))
        case "RemoveTagsFromResource":
            let request: TagResourceRequest = try decode(body)
            if request.resourceType == ParameterTagKey.resourceType {
                try await parameters.removeTags(request.tagKeys ?? [], from: request.resourceId, caller: KMSCaller(principal: principal, facts: facts))
            } else if request.resourceType == DocumentTagKey.resourceType {
                try await documents.removeTags(request, principal: principal)
            } else {
                try await nodes.removeTags(request, principal: principal)
            }
            return Data("{}".utf8)
        case "CreateDocument", "GetDocument", "DescribeDocument", "ListDocuments", "ListDocumentVersions", "UpdateDocument",
             "UpdateDocumentDefaultVersion", "DeleteDocument", "DescribeDocumentPermission", "ModifyDocumentPermission":
            return try await handleDocument(operation, body: body, principal: principal)
        case let name where Self.associationOperations.contains(name):
            return try await handleAssociation(name, body: body, principal: principal)
        case let name where Self.parameterOperations.contains(name):
            return try await handleParameter(name, body: body, principal: principal, facts: facts)
        case let name where Self.sessionOperations.contains(name):
            return try await handleSession(name, body: body, principal: principal, facts: facts)
        case "PutComplianceItems", "ListComplianceItems", "ListComplianceSummaries", "ListResourceComplianceSummaries":
            return try await handleCompliance(operation, body: body, principal: principal)
        case "SendCommand":
            let command = try await commands.send(try decode(body), principal: principal, facts: facts)
            return try encode(["Command": CommandShape(record: command)])
        case "CancelCommand":
            let request: CancelCommandRequest = try decode(body)
            try await commands.cancel(commandId: request.commandId, instanceIds: request.instanceIds, principal: principal)
            return Data("{}".utf8)
        case "ListCommands":
            return try await listCommands(try decode(body), principal: principal)
        case "ListCommandInvocations":
            return try await listInvocations(try decode(body), principal: principal)
        case "GetCommandInvocation":
            return try await getInvocation(try decode(body), principal: principal)
        default:
            throw PortlessError(.unknownOperation, "Operation AmazonSSM.\(operation) is not supported.", field: "X-Amz-Target")
        }
    }

    private func listCommands(_ request: ListCommandsRequest, principal: Principal) async throws -> Data {
        let query = try CommandQueryParser.query(from: request)
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        if let commandId = request.commandId, try await store.command(id: commandId)?.accountId != principal.accountId {
            throw PortlessError(.invalidCommandId, "Command \(commandId) does not exist.", field: "CommandId")
        }
        let found = try await store.commands(accountId: principal.accountId, query: query, offset: offset, limit: limit + 1)
        let page = Pagination.page(found, offset: 0, limit: limit)
        return try encode(ListReply(key: "Commands", items: page.items.map(CommandShape.init),
                                    nextToken: page.nextToken == nil ? nil : Pagination.token(offset: offset + limit)))
    }

    private func listInvocations(_ request: ListCommandsRequest, principal: Principal) async throws -> Data {
        let query = try CommandQueryParser.query(from: request)
        let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
        let offset = try Pagination.offset(from: request.nextToken)
        if let commandId = request.commandId, try await store.command(id: commandId)?.accountId != principal.accountId {
            throw PortlessError(.invalidCommandId, "Command \(commandId) does not exist.", field: "CommandId")
        }
        let found = try await store.invocations(accountId: principal.accountId, query: query, offset: offset, limit: limit + 1)
        let page = Pagination.page(found, offset: 0, limit: limit)
        var shapes: [CommandInvocationShape] = []
        var commandCache: [String: CommandRecord] = [:]
        for invocation in page.items {
            if commandCache[invocation.commandId] == nil {
                commandCache[invocation.commandId] = try await store.command(id: invocation.commandId)
            }
            guard let command = commandCache[invocation.commandId] else { continue }
            shapes.append(CommandInvocationShape(record: invocation, command: command, details: request.details ?? false, endpoint: endpoint))
        }
        return try encode(ListReply(key: "CommandInvocations", items: shapes,
                                    nextToken: page.nextToken == nil ? nil : Pagination.token(offset: offset + limit)))
    }

    private func getInvocation(_ request: GetCommandInvocationRequest, principal: Principal) async throws -> Data {
        guard Identifiers.isUUID(request.commandId) else {
            throw PortlessError(.invalidCommandId, "'\(request.commandId)' is not a valid command ID.", field: "CommandId")
        }
        guard Identifiers.isNodeID(request.instanceId) else {
            throw PortlessError(.invalidInstanceId, "'\(request.instanceId)' is not a valid managed node ID.", field: "InstanceId")
        }
        guard let command = try await store.command(id: request.commandId), command.accountId == principal.accountId,
              let invocation = try await store.invocation(commandId: request.commandId, instanceId: request.instanceId) else {
            throw PortlessError(.invocationDoesNotExist, "Command \(request.commandId) has no invocation on managed node \(request.instanceId).",
                                field: "InstanceId")
        }
        var step: StepReport?
        if let pluginName = request.pluginName {
            guard command.plan.steps.contains(where: { $0.name == pluginName }) else {
                throw PortlessError(.invalidPluginName, "The document has no step named '\(pluginName)'.", field: "PluginName")
            }
            step = invocation.steps.first { $0.name == pluginName }
        }
        let urls = endpoint.outputURLs(command: command, instanceId: invocation.instanceId, step: step ?? invocation.steps.first)
        return try encode(GetCommandInvocationResponse(invocation: invocation, command: command, step: step, urls: urls))
    }

    private func decode<T: Decodable>(_ body: Data) throws -> T {
        try WireCoding.decode(T.self, from: body.isEmpty ? Data("{}".utf8) : body)
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data {
        try WireCoding.encoder().encode(value)
    }
}

/// A list reply: the items under `key`, and `NextToken` when there are more.
struct ListReply<Item: Encodable>: Encodable {
    var key: String
    var items: [Item]
    var nextToken: String?
    /// The token's member name: `NextToken`, or `nextToken` for services with lower-camel members (CloudWatch Logs).
    var tokenKey = "NextToken"

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(items, forKey: Key(stringValue: key))
        try container.encodeIfPresent(nextToken, forKey: Key(stringValue: tokenKey))
    }
}
